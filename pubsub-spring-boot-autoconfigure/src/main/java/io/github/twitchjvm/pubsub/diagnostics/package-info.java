/**
 * How the Spring Boot integration reports a mistake found at startup:
 * {@link io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException} (one
 * subclass per protocol) and the failure analyzer that shows it in Spring Boot's startup
 * report. The lowest package of the integration: it imports nothing of the others, so
 * that every other package may throw the exception.
 */
@NullMarked
package io.github.twitchjvm.pubsub.diagnostics;

import org.jspecify.annotations.NullMarked;
