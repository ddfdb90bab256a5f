package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.channel_points_automatic_reward_redemption.add} version 2: a viewer
 * redeemed one of Twitch's built-in channel points rewards (a highlighted message, an
 * emote unlock). Replaces the built-in rewards of PubSub's
 * {@code channel-points-channel-v1}.
 *
 * @param broadcaster the channel
 * @param user the viewer who redeemed
 * @param id the redemption id
 * @param reward the reward
 * @param message the viewer's message, or {@code null} when the reward has none
 * @param redeemedAt when it was redeemed
 */
public record AutomaticRewardRedemptionAddEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, String id, Reward reward, @Nullable ChatMessage message,
		Instant redeemedAt) implements EventSubEvent {

	public AutomaticRewardRedemptionAddEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(reward, "reward");
		Objects.requireNonNull(redeemedAt, "redeemedAt");
	}

	/**
	 * A built-in reward.
	 *
	 * @param type which reward
	 * @param channelPoints the channel points spent
	 * @param emote the emote the reward is about, or {@code null}
	 */
	public record Reward(RewardType type, int channelPoints, @Nullable NamedEmote emote) {

		public Reward {
			Objects.requireNonNull(type, "type");
		}

	}

	/** The built-in rewards. */
	public enum RewardType {

		/** Send a message in sub-only mode. */
		SINGLE_MESSAGE_BYPASS_SUB_MODE,

		/** Highlight a message. */
		SEND_HIGHLIGHTED_MESSAGE,

		/** Unlock a random subscriber emote. */
		RANDOM_SUB_EMOTE_UNLOCK,

		/** Unlock a chosen subscriber emote. */
		CHOSEN_SUB_EMOTE_UNLOCK,

		/** Unlock a chosen, modified subscriber emote. */
		CHOSEN_MODIFIED_SUB_EMOTE_UNLOCK,

		/** A reward this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
