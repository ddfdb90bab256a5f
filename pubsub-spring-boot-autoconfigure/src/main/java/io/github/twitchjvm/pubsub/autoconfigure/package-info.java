/**
 * Spring Boot auto-configuration for the Twitch PubSub client: {@code twitch.pubsub.*}
 * properties, the managed {@link io.github.twitchjvm.pubsub.PubSubClient} bean, its
 * lifecycle and its application events.
 */
@NullMarked
package io.github.twitchjvm.pubsub.autoconfigure;

import org.jspecify.annotations.NullMarked;
