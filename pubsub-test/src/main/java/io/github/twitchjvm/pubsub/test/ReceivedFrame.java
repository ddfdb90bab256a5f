package io.github.twitchjvm.pubsub.test;

import java.time.Instant;

/**
 * A frame a client sent, recorded for inspection, with every {@code auth_token} value
 * replaced by {@code ***}.
 *
 * @param connectionId the connection that sent it
 * @param receivedAt when it arrived
 * @param text the frame's text, tokens masked
 */
public record ReceivedFrame(String connectionId, Instant receivedAt, String text) {

}
