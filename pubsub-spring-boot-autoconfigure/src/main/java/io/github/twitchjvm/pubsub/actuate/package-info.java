/**
 * What an operator sees of the client: its recent activity, the {@code twitchPubSub}
 * health indicator, Micrometer metrics under {@code twitch.pubsub.}, and the
 * {@code twitchpubsub} actuator endpoint. Never a token.
 */
@NullMarked
package io.github.twitchjvm.pubsub.actuate;

import org.jspecify.annotations.NullMarked;
