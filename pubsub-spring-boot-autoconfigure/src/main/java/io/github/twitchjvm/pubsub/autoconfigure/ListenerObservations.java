package io.github.twitchjvm.pubsub.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

/**
 * Where {@code @TwitchTopic} and {@code @TwitchEvent} calls are observed when the
 * application has no {@link ObservationRegistry}: a registry of the integration's own
 * that only times them. Not an {@code ObservationRegistry} bean, which would change what
 * the rest of the application observes.
 *
 * @param registry the registry
 */
public record ListenerObservations(ObservationRegistry registry) {
}
