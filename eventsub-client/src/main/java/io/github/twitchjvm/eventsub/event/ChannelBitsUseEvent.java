package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.bits.use} version 1: a user used Bits in a channel, by cheering or on a
 * Power-up. One of the replacements of PubSub's
 * {@code channel-bits-events-v1}/{@code -v2}.
 *
 * @param broadcaster the channel
 * @param user the user who used the Bits
 * @param bits the number of Bits used
 * @param type how they were used
 * @param message the message, or {@code null} when there is none (some Power-ups)
 * @param powerUp the Power-up, or {@code null} for a cheer
 */
public record ChannelBitsUseEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, int bits, Type type, @Nullable ChatMessage message,
		@Nullable PowerUp powerUp) implements EventSubEvent {

	public ChannelBitsUseEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(type, "type");
	}

	/** How Bits were used. */
	public enum Type {

		/** Cheered in chat. */
		CHEER,

		/** Spent on a Power-up. */
		POWER_UP,

		/** A use this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * A Power-up bought with Bits.
	 *
	 * @param type which Power-up
	 * @param emote the emote of the Power-up, or {@code null}
	 * @param messageEffectId the message effect, or {@code null}
	 */
	public record PowerUp(PowerUpType type, @Nullable NamedEmote emote, @Nullable String messageEffectId) {

		public PowerUp {
			Objects.requireNonNull(type, "type");
		}

	}

	/** The kinds of Power-up. */
	public enum PowerUpType {

		/** A message effect. */
		MESSAGE_EFFECT,

		/** An on-screen celebration. */
		CELEBRATION,

		/** A gigantified emote. */
		GIGANTIFY_AN_EMOTE,

		/** A Power-up this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
