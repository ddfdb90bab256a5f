package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * One wanted topic as the client sees it now.
 *
 * @param topic the topic
 * @param state where it stands
 * @param failure why it failed or was revoked, or {@code null}
 * @param subscriptions how many subscriptions share it
 * @param queued messages waiting for its handlers, over all its subscriptions
 * @param connectionId the connection it is (or is being) listened on, or {@code null}
 */
public record TopicStatus(Topic topic, TopicState state, @Nullable String failure, int subscriptions, int queued,
		@Nullable String connectionId) {

}
