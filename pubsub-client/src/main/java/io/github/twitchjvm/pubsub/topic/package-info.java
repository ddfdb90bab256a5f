/**
 * The ground floor of the client: Twitch PubSub topic families
 * ({@link io.github.twitchjvm.pubsub.topic.TopicType}) and parsed topic strings
 * ({@link io.github.twitchjvm.pubsub.topic.Topic}).
 *
 * <p>
 * This package depends on nothing else in the project, so the fake server, the client and
 * the Spring integration can all share one definition of what a valid topic is.
 */
@NullMarked
package io.github.twitchjvm.pubsub.topic;

import org.jspecify.annotations.NullMarked;
