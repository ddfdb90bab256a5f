package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * {@code channel.channel_points_custom_reward_redemption.add} version 1: a viewer
 * redeemed a custom reward. Replaces PubSub's {@code reward-redeemed} on
 * {@code channel-points-channel-v1}.
 *
 * @param id the redemption id
 * @param broadcaster the channel
 * @param user the viewer who redeemed
 * @param userInput the text the viewer entered, or {@code null} when the reward takes
 * none (Twitch sends {@code ""})
 * @param status the status, usually {@link RedemptionStatus#UNFULFILLED}
 * @param reward the reward as it was when redeemed
 * @param redeemedAt when it was redeemed
 */
public record CustomRewardRedemptionAddEvent(String id, @JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, @OptionalText @Nullable String userInput, RedemptionStatus status,
		CustomReward reward, Instant redeemedAt) implements EventSubEvent {

	public CustomRewardRedemptionAddEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(reward, "reward");
		Objects.requireNonNull(redeemedAt, "redeemedAt");
	}

}
