package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.cheer} version 1: a user cheered Bits in a channel. One of the
 * replacements of PubSub's {@code channel-bits-events-v1}/{@code -v2} (cheers only; see
 * {@link ChannelBitsUseEvent} for Power-ups too).
 *
 * @param isAnonymous whether the user cheered anonymously
 * @param user the user who cheered, or {@code null} when anonymous
 * @param broadcaster the channel
 * @param message the message sent with the cheer
 * @param bits the number of Bits cheered
 */
public record ChannelCheerEvent(boolean isAnonymous, @JsonUnwrapped(prefix = "user_") @Nullable User user,
		@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster, String message,
		int bits) implements EventSubEvent {

	public ChannelCheerEvent {
		user = User.presentOrNull(user);
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(message, "message");
	}

}
