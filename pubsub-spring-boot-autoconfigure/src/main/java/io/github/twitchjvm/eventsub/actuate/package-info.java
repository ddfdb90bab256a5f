/**
 * What an operator sees of the EventSub client: its recent activity, the
 * {@code twitchEventSub} health indicator, Micrometer metrics under
 * {@code twitch.eventsub.}, and its section of the {@code twitchpubsub} actuator
 * endpoint. Never a token.
 */
@NullMarked
package io.github.twitchjvm.eventsub.actuate;

import org.jspecify.annotations.NullMarked;
