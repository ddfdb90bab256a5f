package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code channel.subscribe} version 1: a user subscribed to a channel, including a gifted
 * subscription's recipient; not resubscriptions. One of the replacements of PubSub's
 * {@code channel-subscribe-events-v1}.
 *
 * @param user the subscriber
 * @param broadcaster the channel
 * @param tier the subscription's tier
 * @param isGift whether the subscription is a gift
 */
public record ChannelSubscribeEvent(@JsonUnwrapped(prefix = "user_") User user,
		@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster, SubscriptionTier tier,
		boolean isGift) implements EventSubEvent {

	public ChannelSubscribeEvent {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(tier, "tier");
	}

}
