/**
 * {@code twitch.pubsub.transport=eventsub}: {@code @TwitchTopic} listeners subscribed
 * over EventSub through the PubSub-over-EventSub bridge, checked at startup and reported
 * topic by topic. The top of the integration: it imports both protocols' packages and
 * nothing imports it.
 */
@NullMarked
package io.github.twitchjvm.pubsub.migration;

import org.jspecify.annotations.NullMarked;
