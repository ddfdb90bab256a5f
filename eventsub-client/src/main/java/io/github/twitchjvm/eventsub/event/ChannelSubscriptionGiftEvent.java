package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.subscription.gift} version 1: a user gifted subscriptions in a channel.
 * One of the replacements of PubSub's {@code channel-subscribe-events-v1}.
 *
 * @param user the gifter, or {@code null} when anonymous
 * @param broadcaster the channel
 * @param total the number of subscriptions in this gift
 * @param tier the tier of the gifted subscriptions
 * @param cumulativeTotal the gifter's gifts in the channel so far, or {@code null} when
 * anonymous or not shared
 * @param isAnonymous whether the gift was anonymous
 */
public record ChannelSubscriptionGiftEvent(@JsonUnwrapped(prefix = "user_") @Nullable User user,
		@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster, int total, SubscriptionTier tier,
		@Nullable Integer cumulativeTotal, boolean isAnonymous) implements EventSubEvent {

	public ChannelSubscriptionGiftEvent {
		user = User.presentOrNull(user);
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(tier, "tier");
	}

}
