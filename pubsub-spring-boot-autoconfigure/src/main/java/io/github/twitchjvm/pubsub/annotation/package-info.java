/**
 * {@link io.github.twitchjvm.pubsub.annotation.TwitchTopic @TwitchTopic} listener
 * methods: discovery, resolution of their topics and arguments, and registration with the
 * client.
 */
@NullMarked
package io.github.twitchjvm.pubsub.annotation;

import org.jspecify.annotations.NullMarked;
