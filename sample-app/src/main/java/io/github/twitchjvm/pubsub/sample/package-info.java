/**
 * A small channel bot: one {@code @TwitchTopic} handler per documented topic family, each
 * keeping the state a real bot keeps (tallies, queues, an audit log), whisper commands
 * that read them, and a periodic report. It runs over PubSub or, unchanged, over EventSub
 * ({@code twitch.pubsub.transport=eventsub}).
 */
@NullMarked
package io.github.twitchjvm.pubsub.sample;

import org.jspecify.annotations.NullMarked;
