package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.twitchjvm.pubsub.message.AutomodQueueEvent.CaughtMessage;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent.ContentClassification;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent.HeldMessage;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.GlobalCooldown;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.MaxPerStream;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.MaxPerUserPerStream;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.Redemption;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.RedemptionStatus;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.Reward;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ModerationAction;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent.LowTrustUser;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent.Treatment;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent.SubPlan;
import io.github.twitchjvm.pubsub.message.WhisperEvent.Whisper;
import io.github.twitchjvm.pubsub.message.WhisperEvent.WhisperRecipient;
import io.github.twitchjvm.pubsub.message.WhisperEvent.WhisperTags;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages with fields left out, as Twitch sent some of them (a moderation action without
 * {@code created_by_user_id}, an old whisper without {@code thread_id}): each decodes to
 * its typed variant with the missing values absent, {@code null} where the model allows
 * it and the empty value of the type elsewhere. Only a missing discriminator gives the
 * family's {@code Unknown}. The fixtures are under {@code fixtures/<family>/partial}.
 */
class PartialPayloadsTest {

	private static final Instant ABSENT_TIME = Instant.EPOCH;

	private static final WhisperTags NO_TAGS = new WhisperTags("", "", null, null, false, List.of(), List.of());

	private static final WhisperRecipient NO_RECIPIENT = new WhisperRecipient("", "", "", null, null, false, List.of(),
			null);

	private static final ChatSender NO_SENDER = new ChatSender("", null, null, null, List.of());

	private static final Reward NO_REWARD = reward("", "", "", 0);

	// Whispers

	@Test
	void anOldWhisperWithoutThreadIdIsStillAReceivedWhisper() {
		assertThat(decode(TopicType.WHISPERS, "whispers/partial/whisper_received_without_thread_id.json"))
			.isEqualTo(new WhisperEvent.Received(new Whisper(null, "1187", "",
					"did you get my message about the tournament?", Instant.ofEpochSecond(1462212309), "40716283",
					new WhisperTags("flintlock_fay", "Flintlock_Fay", null, null, false, List.of(), List.of()),
					new WhisperRecipient("22870415", "moorland_max", "Moorland_Max", null, null, false, List.of(),
							null),
					null)));
	}

	@Test
	void aWhisperWithoutTagsRecipientOrTimeHasEmptyOnes() {
		assertThat(decode(TopicType.WHISPERS, "whispers/partial/whisper_sent_without_tags_recipient_or_time.json"))
			.isEqualTo(new WhisperEvent.Sent(
					new Whisper("0d6e2b94-7a13-4c58-bf0e-95a3c1d7e842", "60412", "30518276_74209163", "brb",
							ABSENT_TIME, "74209163", NO_TAGS, NO_RECIPIENT, "9f3a1c7e5b2d4068a1e3c5b7d9f20486")));
	}

	@Test
	void aWhisperWithoutContentIsAnEmptyWhisper() {
		assertThat(decode(TopicType.WHISPERS, "whispers/partial/whisper_received_without_content.json")).isEqualTo(
				new WhisperEvent.Received(new Whisper(null, "", "", "", ABSENT_TIME, "", NO_TAGS, NO_RECIPIENT, null)));
	}

	@Test
	void threadUpdatesWithFieldsLeftOut() {
		assertThat(decode(TopicType.WHISPERS, "whispers/partial/thread_with_only_an_id.json"))
			.isEqualTo(new WhisperEvent.ThreadUpdate("28194630_55017382", 0, false, false, null, null));
		assertThat(decode(TopicType.WHISPERS, "whispers/partial/thread_without_id.json")).isEqualTo(
				new WhisperEvent.ThreadUpdate("", 4411, false, true, new WhisperEvent.SpamInfo("high", 0), null));
	}

	@Test
	void aWhisperWithoutTypeIsUnknown() {
		assertUnknown(TopicType.WHISPERS, "whispers/partial/without_type.json");
	}

	// Bits

	@Test
	void aV1CheerWithoutChatMessageOrTotal() {
		assertThat(decode(TopicType.BITS_V1, "bits-v1/partial/bits_event_without_chat_message_or_totals.json"))
			.isEqualTo(new BitsEvent.Cheer("c27f5e08-913a-5b64-8d2e-a0f6b3c9d417", "1.0", "copperfield_cal",
					"stillwater_sage", "317520846", "70923815", Instant.parse("2020-02-11T19:20:33.402810221Z"), "", 50,
					0, false, "cheer", null, null));
	}

	@Test
	void aV2CheerWithoutChannelNameOrTime() {
		assertThat(decode(TopicType.BITS_V2, "bits-v2/partial/bits_event_without_channel_name_or_time.json"))
			.isEqualTo(new BitsEvent.Cheer("a6d13f90-7c42-5e18-9b05-e2c7f4a8d361", "1.0", "juniper_jo", "", "258103947",
					"44018276", ABSENT_TIME, "Cheer25 hi", 25, 25, false, null, null, null));
	}

	@Test
	void aCheerWithNullDataKeepsItsEnvelope() {
		assertThat(decode(TopicType.BITS_V2, "bits-v2/partial/bits_event_with_null_data.json"))
			.isEqualTo(new BitsEvent.Cheer("13b8e7d2-0f64-5a97-a2c1-6d9e4b0f8c25", "1.0", null, "", null, "",
					ABSENT_TIME, "", 0, 0, false, null, null, null));
	}

	@Test
	void aBitsMessageWithoutMessageTypeIsUnknown() {
		assertUnknown(TopicType.BITS_V1, "bits-v1/partial/without_message_type.json");
		assertUnknown(TopicType.BITS_V2, "bits-v2/partial/without_message_type.json");
	}

	@Test
	void badgeUnlocksWithFieldsLeftOutOrNull() {
		assertThat(decode(TopicType.BITS_BADGE_UNLOCKS,
				"bits-badge-unlocks/partial/badge_unlock_without_chat_message.json"))
			.isEqualTo(new BitsBadgeUnlock("602184375", "sorrel_sky", "39127406", "thornbury_tom", 1000, "",
					Instant.parse("2022-11-30T08:41:17.550392104Z")));
		assertThat(decode(TopicType.BITS_BADGE_UNLOCKS, "bits-badge-unlocks/partial/badge_unlock_with_nulls.json"))
			.isEqualTo(new BitsBadgeUnlock("518730264", "", "39127406", "", 0, "100 bits badge!", ABSENT_TIME));
	}

	// Channel points

	@Test
	void aRedemptionWithASparseReward() {
		Reward reward = new Reward("e0b74c19-6a35-4d82-9f1e-2c8d5a3b7f60", "27561093", "Posture check", "", 200, false,
				false, null, null, "", false, false, false, new MaxPerStream(false, 0), false, null, null,
				new MaxPerUserPerStream(false, 0), new GlobalCooldown(false, 0), null, null);
		assertThat(decode(TopicType.CHANNEL_POINTS, "channel-points/partial/reward-redeemed-sparse.json"))
			.isEqualTo(new ChannelPointsEvent.RewardRedeemed(Instant.parse("2021-09-14T18:03:27.116250943Z"),
					new Redemption("3c81f0a6-5d27-4e94-b0c3-8a6f2d1e7b59",
							new TwitchUser("490213687", "harrow_hal", null), "27561093", ABSENT_TIME, reward, null,
							RedemptionStatus.UNFULFILLED)));
	}

	@Test
	void aRedemptionEventWithoutRedemption() {
		assertThat(decode(TopicType.CHANNEL_POINTS, "channel-points/partial/reward-redeemed-without-redemption.json"))
			.isEqualTo(new ChannelPointsEvent.RewardRedeemed(Instant.parse("2021-09-14T18:05:02.870113456Z"),
					new Redemption("", new TwitchUser("", null, null), "", ABSENT_TIME, NO_REWARD, null,
							RedemptionStatus.UNRECOGNIZED)));
	}

	@Test
	void rewardAndBulkChangesWithFieldsLeftOut() {
		assertThat(decode(TopicType.CHANNEL_POINTS, "channel-points/partial/custom-reward-deleted-sparse.json"))
			.isEqualTo(new ChannelPointsEvent.CustomRewardDeleted(Instant.parse("2021-10-01T07:22:48.093517260Z"),
					reward("9a2d6f13-b084-4c57-8e21-f5c0a7d3e946", "27561093", "", 0)));
		assertThat(decode(TopicType.CHANNEL_POINTS,
				"channel-points/partial/update-redemption-statuses-progress-sparse.json"))
			.isEqualTo(new ChannelPointsEvent.RedemptionStatusesProgress(ABSENT_TIME,
					new ChannelPointsEvent.BulkProgress("5f0c3a87-e142-4b9d-a6c8-7d2e1b9f4a30", "27561093", "",
							RedemptionStatus.UNRECOGNIZED, 3, 9)));
	}

	@Test
	void aChannelPointsMessageWithoutTypeIsUnknown() {
		assertUnknown(TopicType.CHANNEL_POINTS, "channel-points/partial/without_type.json");
	}

	// Subscriptions

	@Test
	void subscriptionsWithFieldsLeftOut() {
		assertThat(
				decode(TopicType.CHANNEL_SUBSCRIPTIONS, "subscriptions/partial/sub_without_plan_name_or_message.json"))
			.isEqualTo(new SubscriptionEvent.Sub("bracken_bo", "", "highmoor_hana", "713082946", "58204713",
					Instant.parse("2019-05-23T15:07:44.918262037Z"), SubPlan.TIER_1, "", 0, null, null, false, null,
					null));
		assertThat(decode(TopicType.CHANNEL_SUBSCRIPTIONS,
				"subscriptions/partial/resub_without_time_or_channel_name.json"))
			.isEqualTo(new SubscriptionEvent.Resub("gorse_gil", "Gorse_Gil", "", "820913574", "58204713", ABSENT_TIME,
					SubPlan.TIER_2, "Channel Subscription (highmoor_hana): $9.99 Sub", 0, 14, 2, false,
					new SubscriptionEvent.SubMessage("14 months!", List.of()), null));
	}

	@Test
	void giftsWithFieldsLeftOut() {
		assertThat(
				decode(TopicType.CHANNEL_SUBSCRIPTIONS, "subscriptions/partial/subgift_without_recipient_names.json"))
			.isEqualTo(new SubscriptionEvent.SubGift("heather_hux", "Heather_Hux", "highmoor_hana", "137402859",
					"58204713", Instant.parse("2019-12-24T22:14:09.305716482Z"), SubPlan.TIER_1,
					"Channel Subscription (highmoor_hana)", 1, null, null, true, null, "946210387", "", "", null));
		assertThat(decode(TopicType.CHANNEL_SUBSCRIPTIONS, "subscriptions/partial/anonsubgift_without_plan.json"))
			.isEqualTo(new SubscriptionEvent.AnonSubGift("highmoor_hana", "58204713",
					Instant.parse("2020-01-01T00:00:05.120334871Z"), SubPlan.UNRECOGNIZED, "", 0, null, null, true,
					null, null, "ivy_inkwell", "Ivy_Inkwell", null));
	}

	@Test
	void aSubscriptionWithoutContextIsUnknown() {
		assertUnknown(TopicType.CHANNEL_SUBSCRIPTIONS, "subscriptions/partial/without_context.json");
	}

	// AutoMod queue

	@Test
	void aCaughtMessageWithoutClassificationSenderOrStatus() {
		assertThat(decode(TopicType.AUTOMOD_QUEUE,
				"automod-queue/partial/caught_without_classification_sender_or_status.json"))
			.isEqualTo(new CaughtMessage(null, new ContentClassification("", 0),
					new HeldMessage("6e2a9d14-c07b-4f35-8a91-3d5f0b7e2c68",
							new MessageContent("meet me at the usual spot", List.of()), NO_SENDER,
							Instant.parse("2022-08-19T13:27:55.604182937Z"), null, null),
					"AutoModCaughtMessageReason", null, null, AutomodStatus.UNRECOGNIZED, null));
	}

	@Test
	void aCaughtMessageWithoutTheMessage() {
		assertThat(decode(TopicType.AUTOMOD_QUEUE, "automod-queue/partial/caught_without_message.json"))
			.isEqualTo(new CaughtMessage(null, new ContentClassification("aggression", 2),
					new HeldMessage("", new MessageContent("", List.of()), NO_SENDER, ABSENT_TIME, null, null), null,
					null, null, AutomodStatus.EXPIRED, null));
	}

	@Test
	void anAutomodQueueMessageWithoutTypeIsUnknown() {
		assertUnknown(TopicType.AUTOMOD_QUEUE, "automod-queue/partial/without_type.json");
	}

	// Moderator actions

	@Test
	void aModerationActionWithoutCreatedByUserId() {
		ModerationAction action = (ModerationAction) decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/moderation_action_without_created_by_user_id.json");
		assertThat(action).isEqualTo(new ModerationAction("chat_login_moderation", "timeout",
				List.of("windswept_wes", "60"), null, "", null, null, "561038294", null, false, null));
		assertThat(action.targetLogin()).isEqualTo("windswept_wes");
		assertThat(action.duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(action.reason()).isNull();
	}

	@Test
	void aModerationActionWithoutItsTypeOrArgs() {
		assertThat(decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/moderation_action_without_type_or_args.json"))
			.isEqualTo(new ModerationAction("", "clear", List.of(), null, "94017328", null, null, null, null, false,
					null));
	}

	@Test
	void moderatorAndVipChangesWithoutWhoDidIt() {
		assertThat(decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/moderator_added_without_created_by.json"))
			.isEqualTo(new ChatModeratorActionEvent.ModeratorAdded("94017328", "208531764", null, "", null, "mod"));
		assertThat(decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/moderator_removed_without_target_id.json"))
			.isEqualTo(new ChatModeratorActionEvent.ModeratorRemoved("94017328", "", "retired_rowe", "94017328",
					"ashgrove_ada", null));
		assertThat(
				decode(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/partial/vip_added_with_null_ids.json"))
			.isEqualTo(new ChatModeratorActionEvent.VipAdded("", "", "lucky_lars", "", "ashgrove_ada", null));
	}

	@Test
	void termAndUnbanActionsWithFieldsLeftOut() {
		assertThat(decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/channel_terms_action_without_requester.json"))
			.isEqualTo(new ChatModeratorActionEvent.ChannelTermsAction(
					ChatModeratorActionEvent.TermAction.ADD_PERMITTED_TERM, "c3f8a016-2e7d-4b95-9a04-6d1b8e3f5c27",
					"heck", "", "", "94017328", null, null, false));
		assertThat(decode(TopicType.CHAT_MODERATOR_ACTIONS,
				"chat-moderator-actions/partial/deny_unban_request_without_message.json"))
			.isEqualTo(new ChatModeratorActionEvent.UnbanRequestDenied("DENY_UNBAN_REQUEST", "94017328", "", "",
					"375820194", "sly_silas"));
	}

	@Test
	void aModeratorActionWithoutTypeIsUnknown() {
		assertUnknown(TopicType.CHAT_MODERATOR_ACTIONS, "chat-moderator-actions/partial/without_type.json");
	}

	// User moderation notifications

	@Test
	void userModerationNotificationsWithFieldsLeftOut() {
		assertThat(decode(TopicType.USER_MODERATION_NOTIFICATIONS,
				"user-moderation-notifications/partial/automod_caught_message_without_status.json"))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("d8b2f5a0-4c19-4e73-b6d0-2a9e7c1f3b84",
					AutomodStatus.UNRECOGNIZED));
		assertThat(decode(TopicType.USER_MODERATION_NOTIFICATIONS,
				"user-moderation-notifications/partial/automod_caught_message_without_message_id.json"))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("", AutomodStatus.ALLOWED));
	}

	@Test
	void aUserModerationNotificationWithoutTypeIsUnknown() {
		assertUnknown(TopicType.USER_MODERATION_NOTIFICATIONS,
				"user-moderation-notifications/partial/without_type.json");
	}

	// Low-trust users

	@Test
	void treatmentUpdatesWithFieldsLeftOut() {
		assertThat(decode(TopicType.LOW_TRUST_USERS,
				"low-trust-users/partial/treatment_update_without_updater_or_types.json"))
			.isEqualTo(new LowTrustUserEvent.TreatmentUpdate("", "81402637", null,
					Instant.parse("2023-07-21T10:12:45.330917624Z"), "690312458", "tangle_tess", Treatment.NO_TREATMENT,
					List.of(), null, null));
		assertThat(decode(TopicType.LOW_TRUST_USERS, "low-trust-users/partial/treatment_update_without_treatment.json"))
			.isEqualTo(new LowTrustUserEvent.TreatmentUpdate("81402637.705218364", "81402637",
					new TwitchUser("81402637", null, null), null, "705218364", null, Treatment.UNRECOGNIZED,
					List.of(LowTrustUserEvent.Type.DETECTED_BAN_EVADER), null, null));
	}

	@Test
	void newMessagesWithFieldsLeftOut() {
		assertThat(decode(TopicType.LOW_TRUST_USERS,
				"low-trust-users/partial/new_message_without_sender_or_fragments.json"))
			.isEqualTo(new LowTrustUserEvent.NewMessage(
					new LowTrustUser("812036459", "81402637.812036459", "81402637", NO_SENDER, null, null, null,
							Treatment.RESTRICTED, null, List.of(), List.of(LowTrustUserEvent.Type.MANUALLY_ADDED)),
					new MessageContent("anyone selling accounts?", List.of()), "b1f7e3a9-6c02-4d58-9e41-0a8d2c5f7b36",
					ABSENT_TIME));
		assertThat(decode(TopicType.LOW_TRUST_USERS, "low-trust-users/partial/new_message_without_user.json"))
			.isEqualTo(new LowTrustUserEvent.NewMessage(
					new LowTrustUser("", "", "", NO_SENDER, null, null, null, Treatment.UNRECOGNIZED, null, List.of(),
							List.of()),
					new MessageContent("hello?", List.of(new MessageFragment("hello?", null, null, null, null))),
					"27c0d4e8-9a13-4b65-8f2e-5d7a1c3b9e04", Instant.parse("2023-07-21T10:15:08.771205936Z")));
	}

	@Test
	void aLowTrustMessageWithoutTypeIsUnknown() {
		assertUnknown(TopicType.LOW_TRUST_USERS, "low-trust-users/partial/without_type.json");
	}

	private static PubSubPayload decode(TopicType type, String path) {
		return Fixtures.decode(type, path);
	}

	private static void assertUnknown(TopicType type, String path) {
		String json = Fixtures.text(path);
		assertThat(PayloadCodec.standard().decode(type, json)).isInstanceOfSatisfying(UnknownPayload.class,
				(unknown) -> {
					assertThat(unknown.type()).isNull();
					assertThat(unknown.json()).isEqualTo(json);
				});
	}

	private static Reward reward(String id, String channelId, String title, int cost) {
		return new Reward(id, channelId, title, "", cost, false, false, null, null, "", false, false, false,
				new MaxPerStream(false, 0), false, null, null, new MaxPerUserPerStream(false, 0),
				new GlobalCooldown(false, 0), null, null);
	}

}
