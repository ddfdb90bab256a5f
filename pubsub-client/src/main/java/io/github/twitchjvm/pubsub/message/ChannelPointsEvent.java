package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.twitchjvm.jackson.EmptyAsNull;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code channel-points-channel-v1.<channel_id>}: a viewer redeemed a
 * reward, a redemption changed status, or the broadcaster changed a reward. Only
 * {@code reward-redeemed} was ever documented; the other types were observed in traffic.
 */
public sealed interface ChannelPointsEvent extends PubSubPayload
		permits ChannelPointsEvent.RewardRedeemed, ChannelPointsEvent.RedemptionStatusUpdated,
		ChannelPointsEvent.CustomRewardCreated, ChannelPointsEvent.CustomRewardUpdated,
		ChannelPointsEvent.CustomRewardDeleted, ChannelPointsEvent.RedemptionStatusesProgress,
		ChannelPointsEvent.RedemptionStatusesFinished, ChannelPointsEvent.Unknown {

	/**
	 * {@code reward-redeemed}: a viewer redeemed a custom reward.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param redemption the redemption
	 */
	record RewardRedeemed(Instant timestamp, Redemption redemption) implements ChannelPointsEvent {

		public RewardRedeemed {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(redemption, "redemption");
		}

	}

	/**
	 * {@code redemption-status-update}: a redemption was fulfilled or cancelled.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param redemption the redemption with its new status
	 */
	record RedemptionStatusUpdated(Instant timestamp, Redemption redemption) implements ChannelPointsEvent {

		public RedemptionStatusUpdated {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(redemption, "redemption");
		}

	}

	/**
	 * {@code custom-reward-created}: the broadcaster created a reward.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param newReward the new reward
	 */
	record CustomRewardCreated(Instant timestamp, Reward newReward) implements ChannelPointsEvent {

		public CustomRewardCreated {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(newReward, "newReward");
		}

	}

	/**
	 * {@code custom-reward-updated}: the broadcaster changed a reward.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param updatedReward the reward as it is now
	 */
	record CustomRewardUpdated(Instant timestamp, Reward updatedReward) implements ChannelPointsEvent {

		public CustomRewardUpdated {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(updatedReward, "updatedReward");
		}

	}

	/**
	 * {@code custom-reward-deleted}: the broadcaster deleted a reward.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param deletedReward the reward as it was
	 */
	record CustomRewardDeleted(Instant timestamp, Reward deletedReward) implements ChannelPointsEvent {

		public CustomRewardDeleted {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(deletedReward, "deletedReward");
		}

	}

	/**
	 * {@code update-redemption-statuses-progress}: a bulk status change is under way.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param progress how far it got
	 */
	record RedemptionStatusesProgress(Instant timestamp, BulkProgress progress) implements ChannelPointsEvent {

		public RedemptionStatusesProgress {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(progress, "progress");
		}

	}

	/**
	 * {@code update-redemption-statuses-finished}: a bulk status change finished.
	 *
	 * @param timestamp when Twitch sent the event
	 * @param progress the final counts
	 */
	record RedemptionStatusesFinished(Instant timestamp, BulkProgress progress) implements ChannelPointsEvent {

		public RedemptionStatusesFinished {
			Objects.requireNonNull(timestamp, "timestamp");
			Objects.requireNonNull(progress, "progress");
		}

	}

	/**
	 * A message type this version does not know, such as
	 * {@code automatic-reward-redeemed}.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements ChannelPointsEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * One redemption of a reward by a viewer.
	 *
	 * @param id the redemption id
	 * @param user the viewer who redeemed
	 * @param channelId the channel
	 * @param redeemedAt when it was redeemed
	 * @param reward the reward as it was when redeemed
	 * @param userInput the text the viewer entered, or {@code null} when the reward takes
	 * no input
	 * @param status the redemption's status
	 */
	record Redemption(String id, TwitchUser user, String channelId, Instant redeemedAt, Reward reward,
			@JsonDeserialize(using = EmptyAsNull.class) @Nullable String userInput, RedemptionStatus status) {

		public Redemption {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(redeemedAt, "redeemedAt");
			Objects.requireNonNull(reward, "reward");
			Objects.requireNonNull(status, "status");
		}

	}

	/**
	 * A custom channel points reward.
	 *
	 * @param id the reward id
	 * @param channelId the channel
	 * @param title the title
	 * @param prompt the description shown to viewers
	 * @param cost the cost in channel points
	 * @param isUserInputRequired whether viewers must enter text
	 * @param isSubOnly whether only subscribers may redeem
	 * @param image the custom image, or {@code null} when the reward uses the default one
	 * @param defaultImage the default image
	 * @param backgroundColor the colour exactly as Twitch sent it, with or without
	 * {@code #}; see {@link #backgroundColorHex()}
	 * @param isEnabled whether the reward is enabled
	 * @param isPaused whether redemptions are paused
	 * @param isInStock whether the reward can be redeemed now
	 * @param maxPerStream the per-stream limit
	 * @param shouldRedemptionsSkipRequestQueue whether redemptions are fulfilled at once
	 * @param templateId the template the reward was made from, or {@code null}
	 * @param updatedForIndicatorAt when the reward last changed in a way viewers are
	 * shown, or {@code null}
	 * @param maxPerUserPerStream the per-viewer, per-stream limit
	 * @param globalCooldown the cooldown between redemptions
	 * @param redemptionsRedeemedCurrentStream redemptions in the current stream, or
	 * {@code null} when not sent
	 * @param cooldownExpiresAt when the cooldown ends, or {@code null} when none is
	 * running
	 */
	record Reward(String id, String channelId, String title, String prompt, int cost, boolean isUserInputRequired,
			boolean isSubOnly, @Nullable RewardImage image, @Nullable RewardImage defaultImage, String backgroundColor,
			boolean isEnabled, boolean isPaused, boolean isInStock, MaxPerStream maxPerStream,
			boolean shouldRedemptionsSkipRequestQueue,
			@JsonDeserialize(using = EmptyAsNull.class) @Nullable String templateId,
			@Nullable Instant updatedForIndicatorAt, MaxPerUserPerStream maxPerUserPerStream,
			GlobalCooldown globalCooldown, @Nullable Integer redemptionsRedeemedCurrentStream,
			@Nullable Instant cooldownExpiresAt) {

		public Reward {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(prompt, "prompt");
			Objects.requireNonNull(backgroundColor, "backgroundColor");
			Objects.requireNonNull(maxPerStream, "maxPerStream");
			Objects.requireNonNull(maxPerUserPerStream, "maxPerUserPerStream");
			Objects.requireNonNull(globalCooldown, "globalCooldown");
		}

		/**
		 * The background colour as {@code #RRGGBB}, whichever way Twitch wrote it.
		 * @return the colour with a leading {@code #}
		 */
		public String backgroundColorHex() {
			return this.backgroundColor.startsWith("#") ? this.backgroundColor : "#" + this.backgroundColor;
		}

	}

	/**
	 * The three sizes of a reward image.
	 *
	 * @param url1x the 28 pixel image
	 * @param url2x the 56 pixel image
	 * @param url4x the 112 pixel image
	 */
	record RewardImage(@JsonProperty("url_1x") String url1x, @JsonProperty("url_2x") String url2x,
			@JsonProperty("url_4x") String url4x) {

		public RewardImage {
			Objects.requireNonNull(url1x, "url1x");
			Objects.requireNonNull(url2x, "url2x");
			Objects.requireNonNull(url4x, "url4x");
		}

	}

	/**
	 * A reward's limit of redemptions per stream.
	 *
	 * @param isEnabled whether the limit applies
	 * @param maxPerStream the limit
	 */
	record MaxPerStream(boolean isEnabled, int maxPerStream) {
	}

	/**
	 * A reward's limit of redemptions per viewer and stream.
	 *
	 * @param isEnabled whether the limit applies
	 * @param maxPerUserPerStream the limit
	 */
	record MaxPerUserPerStream(boolean isEnabled, int maxPerUserPerStream) {
	}

	/**
	 * A reward's cooldown between two redemptions.
	 *
	 * @param isEnabled whether the cooldown applies
	 * @param globalCooldownSeconds the cooldown in seconds
	 */
	record GlobalCooldown(boolean isEnabled, int globalCooldownSeconds) {
	}

	/**
	 * Progress of a bulk redemption status change.
	 *
	 * @param id the id of the bulk operation
	 * @param channelId the channel
	 * @param method how redemptions were selected, for example {@code "BY_REWARD"}
	 * @param newStatus the status being applied
	 * @param processed redemptions done so far
	 * @param total redemptions to do
	 */
	record BulkProgress(String id, String channelId, String method, RedemptionStatus newStatus, int processed,
			int total) {

		public BulkProgress {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(method, "method");
			Objects.requireNonNull(newStatus, "newStatus");
		}

	}

	/** The status of a redemption. */
	enum RedemptionStatus {

		/** Waiting in the reward request queue. */
		UNFULFILLED,

		/** Fulfilled by the broadcaster or a moderator. */
		FULFILLED,

		/** Cancelled; the points were refunded. */
		CANCELED,

		/** Seen in traffic, meaning undocumented. */
		ACTION_TAKEN,

		/** A status this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
