package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.subscription.message} version 1: a user shared a resubscription in chat.
 * One of the replacements of PubSub's {@code channel-subscribe-events-v1}.
 *
 * @param user the subscriber
 * @param broadcaster the channel
 * @param tier the subscription's tier
 * @param message the resubscription message with its emotes
 * @param cumulativeMonths the total months subscribed
 * @param streakMonths the consecutive months, or {@code null} when the user does not
 * share it
 * @param durationMonths the months the subscription is for
 */
public record ChannelSubscriptionMessageEvent(@JsonUnwrapped(prefix = "user_") User user,
		@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster, SubscriptionTier tier, EmoteText message,
		int cumulativeMonths, @Nullable Integer streakMonths, int durationMonths) implements EventSubEvent {

	public ChannelSubscriptionMessageEvent {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(tier, "tier");
		Objects.requireNonNull(message, "message");
	}

}
