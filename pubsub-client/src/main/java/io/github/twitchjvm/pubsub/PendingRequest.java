package io.github.twitchjvm.pubsub;

import java.util.concurrent.ScheduledFuture;

/**
 * A LISTEN or UNLISTEN waiting for the RESPONSE with its nonce.
 *
 * @param entry the topic
 * @param listen {@code true} for LISTEN, {@code false} for UNLISTEN
 * @param generation the topic's attempt this request belongs to
 * @param timeout the listen-confirm deadline
 * @param sentNanos when it was sent, {@link System#nanoTime()}
 */
record PendingRequest(TopicEntry entry, boolean listen, int generation, ScheduledFuture<?> timeout, long sentNanos) {

}
