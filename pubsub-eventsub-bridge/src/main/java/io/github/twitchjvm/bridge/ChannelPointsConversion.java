package io.github.twitchjvm.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.CustomReward;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionAddEvent;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionUpdateEvent;
import io.github.twitchjvm.eventsub.event.RedemptionStatus;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code channel-points-channel-v1.<channel_id>} rides on
 * {@code channel.channel_points_custom_reward_redemption.add} @1 (a
 * {@code reward-redeemed}) and {@code .update} @1 (a {@code redemption-status-update}),
 * both {@code {broadcaster_user_id}}.
 *
 * <p>
 * Mapping: {@code timestamp} from the notification's {@code message_timestamp};
 * {@code redemption.id}, {@code user} ({@code id}, {@code login}, {@code display_name}),
 * {@code channel_id}, {@code redeemed_at}, {@code user_input} and {@code status} (upper
 * case, as PubSub wrote it) from the event; {@code reward.id}, {@code title},
 * {@code prompt}, {@code cost} from the event's reward, whose {@code channel_id} is the
 * broadcaster's. EventSub describes a redeemed reward by those four fields only: its
 * images, colour, limits, cooldown, flags and template are absent.
 */
final class ChannelPointsConversion implements FamilyConversion {

	private static final String REWARD = "redemption.reward.";

	@Override
	public List<EventSubRide> rides(Topic topic) {
		Map<String, String> condition = Map.of("broadcaster_user_id", topic.ids().get(0));
		return List.of(new EventSubRide("channel.channel_points_custom_reward_redemption.add", "1", condition),
				new EventSubRide("channel.channel_points_custom_reward_redemption.update", "1", condition));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (source.event() instanceof CustomRewardRedemptionAddEvent added) {
			return Conversion
				.deliver(message("reward-redeemed", source.sentAt(), redemption(added.id(), added.broadcaster(),
						added.user(), added.userInput(), added.status(), added.reward(), added.redeemedAt())));
		}
		if (source.event() instanceof CustomRewardRedemptionUpdateEvent updated) {
			return Conversion.deliver(message("redemption-status-update", source.sentAt(),
					redemption(updated.id(), updated.broadcaster(), updated.user(), updated.userInput(),
							updated.status(), updated.reward(), updated.redeemedAt())));
		}
		return Conversion.skip("not_a_redemption");
	}

	private static String message(String type, Instant sentAt, ObjectNode redemption) {
		ObjectNode data = PubSubJson.time(PubSubJson.object(), "timestamp", sentAt);
		data.set("redemption", redemption);
		return MessageParts.envelope(type, data);
	}

	private static ObjectNode redemption(String id, User broadcaster, User user, @Nullable String userInput,
			RedemptionStatus status, CustomReward reward, Instant redeemedAt) {
		ObjectNode redemption = PubSubJson.text(PubSubJson.object(), "id", id);
		PubSubJson.child(redemption, "user", MessageParts.twitchUser(user));
		PubSubJson.text(redemption, "channel_id", broadcaster.id());
		PubSubJson.time(redemption, "redeemed_at", redeemedAt);
		ObjectNode rewardNode = PubSubJson.text(PubSubJson.object(), "id", reward.id());
		PubSubJson.text(rewardNode, "channel_id", broadcaster.id());
		PubSubJson.text(rewardNode, "title", reward.title());
		PubSubJson.text(rewardNode, "prompt", reward.prompt());
		rewardNode.put("cost", reward.cost());
		redemption.set("reward", rewardNode);
		PubSubJson.text(redemption, "user_input", userInput);
		PubSubJson.text(redemption, "status", status(status));
		return redemption;
	}

	/**
	 * PubSub's statuses are EventSub's in upper case; Twitch's own "unknown" has none.
	 */
	private static @Nullable String status(RedemptionStatus status) {
		return switch (status) {
			case UNFULFILLED, FULFILLED, CANCELED -> status.name();
			case UNKNOWN, UNRECOGNIZED -> null;
		};
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		List<String> reward = List.of(REWARD + "isUserInputRequired", REWARD + "isSubOnly", REWARD + "image",
				REWARD + "defaultImage", REWARD + "backgroundColor", REWARD + "isEnabled", REWARD + "isPaused",
				REWARD + "isInStock", REWARD + "maxPerStream", REWARD + "shouldRedemptionsSkipRequestQueue",
				REWARD + "templateId", REWARD + "updatedForIndicatorAt", REWARD + "maxPerUserPerStream",
				REWARD + "globalCooldown", REWARD + "redemptionsRedeemedCurrentStream", REWARD + "cooldownExpiresAt");
		return Map.of(ChannelPointsEvent.RewardRedeemed.class, reward, ChannelPointsEvent.RedemptionStatusUpdated.class,
				reward);
	}

	private static String rewardChange(String what, String type) {
		String eventSubType = "channel.channel_points_custom_reward." + type;
		return "EventSub reports " + what + " as " + eventSubType + " @1, whose reward has other fields than "
				+ "PubSub's Reward, so the bridge does not convert it; handle that type with @TwitchEvent(value = \""
				+ eventSubType + "\", version = \"1\")";
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		String bulk = "EventSub has no progress of a bulk status change: each redemption's new status arrives on "
				+ "its own as RedemptionStatusUpdated (channel.channel_points_custom_reward_redemption.update @1, "
				+ "@TwitchEvent(\"channel.channel_points_custom_reward_redemption.update\"))";
		return Map.of(ChannelPointsEvent.CustomRewardCreated.class, rewardChange("new rewards", "add"),
				ChannelPointsEvent.CustomRewardUpdated.class, rewardChange("reward changes", "update"),
				ChannelPointsEvent.CustomRewardDeleted.class, rewardChange("deleted rewards", "remove"),
				ChannelPointsEvent.RedemptionStatusesProgress.class, bulk,
				ChannelPointsEvent.RedemptionStatusesFinished.class, bulk);
	}

}
