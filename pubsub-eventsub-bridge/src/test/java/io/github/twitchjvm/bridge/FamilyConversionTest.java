package io.github.twitchjvm.bridge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.AutomodStatus;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.ChatSender;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.MessageContent;
import io.github.twitchjvm.pubsub.message.MessageFragment;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.TwitchUser;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.bridge.EventSamples.MESSAGE_ID;
import static io.github.twitchjvm.bridge.EventSamples.SENT_AT;
import static io.github.twitchjvm.bridge.EventSamples.conversion;
import static io.github.twitchjvm.bridge.EventSamples.fixture;
import static io.github.twitchjvm.bridge.EventSamples.moderate;
import static io.github.twitchjvm.bridge.EventSamples.payload;
import static io.github.twitchjvm.bridge.EventSamples.payloads;
import static io.github.twitchjvm.bridge.EventSamples.sample;
import static io.github.twitchjvm.bridge.EventSamples.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each family: Twitch's sample EventSub event, converted, then decoded by the PubSub
 * codec as a handler's {@code payload()} would, compared whole with the record PubSub
 * would have delivered, the documented absent fields absent.
 */
class FamilyConversionTest {

	private static final String MODERATION = "chat_moderator_actions.424596340.1337";

	@Test
	void aWhisperIsAWhisperReceived() {
		String topic = "whispers.424596340";
		assertThat(payload(topic, "user.whisper.message", "1", sample("user.whisper.message")))
			.isEqualTo(new WhisperEvent.Received(new WhisperEvent.Whisper("some-whisper-id", "", "423374343_424596340",
					"a secret", SENT_AT.truncatedTo(ChronoUnit.SECONDS), "423374343",
					new WhisperEvent.WhisperTags("glowillig", "glowillig", null, null, false, List.of(), List.of()),
					new WhisperEvent.WhisperRecipient("424596340", "quotrok", "quotrok", null, null, false, List.of(),
							null),
					null)));
		// Both layers, as Twitch sent them: the data string and the same content as an
		// object.
		String text = conversion(topic, "user.whisper.message", "1", sample("user.whisper.message")).messages().get(0);
		PubSubMessage message = new PubSubMessage(Topic.parse(topic), text, SENT_AT);
		assertThat(message.json().get("type").asString()).isEqualTo("whisper_received");
		assertThat(message.json().get("data").isString()).isTrue();
		assertThat(message.json().get("data_object").get("from_id").isNumber()).isTrue();
	}

	@Test
	void aWhisperThreadIsTheLowerIdFirst() {
		assertThat(WhisperConversion.threadId("99", "100")).isEqualTo("99_100");
		assertThat(WhisperConversion.threadId("100", "99")).isEqualTo("99_100");
		assertThat(WhisperConversion.threadId("5", "")).isNull();
	}

	@Test
	void aCheerIsABitsEventOnV2WithItsAnonymity() {
		assertThat(payload("channel-bits-events-v2.1337", "channel.cheer", "1", sample("channel.cheer")))
			.isEqualTo(new BitsEvent.Cheer(MESSAGE_ID, "1.0", "cool_user", "cooler_user", "1234", "1337", SENT_AT,
					"pogchamp", 1000, 0, false, "cheer", null, null));
		assertThat(
				payload("channel-bits-events-v2.1337", "channel.cheer", "1", fixture("channel.cheer.anonymous.json")))
			.isEqualTo(new BitsEvent.Cheer(MESSAGE_ID, "1.0", null, "cooler_user", null, "1337", SENT_AT, "cheer100",
					100, 0, true, "cheer", null, null));
	}

	@Test
	void aCheerOnV1CarriesNoAnonymity() {
		Conversion v1 = conversion("channel-bits-events-v1.1337", "channel.cheer", "1", sample("channel.cheer"));
		assertThat(v1.messages()).singleElement().asString().doesNotContain("is_anonymous");
		assertThat(payload("channel-bits-events-v1.1337", "channel.cheer", "1", sample("channel.cheer")))
			.isEqualTo(new BitsEvent.Cheer(MESSAGE_ID, "1.0", "cool_user", "cooler_user", "1234", "1337", SENT_AT,
					"pogchamp", 1000, 0, false, "cheer", null, null));
	}

	@Test
	void aBitsBadgeTierNoticeIsABitsBadgeUnlock() {
		assertThat(payload("channel-bits-badge-unlocks.1337", "channel.chat.notification", "1",
				fixture("channel.chat.notification.bits_badge_tier.json")))
			.isEqualTo(new BitsBadgeUnlock("49912639", "viewer23", "1337", "cooler_user", 1000, "", SENT_AT));
	}

	@Test
	void everyOtherChatNoticeIsSkipped() {
		assertThat(conversion("channel-bits-badge-unlocks.1337", "channel.chat.notification", "1",
				sample("channel.chat.notification")))
			.isEqualTo(Conversion.skip("notice_type=resub"));
	}

	@Test
	void aRedemptionIsRewardRedeemedAndItsUpdateARedemptionStatusUpdate() {
		String topic = "channel-points-channel-v1.1337";
		assertThat(payload(topic, "channel.channel_points_custom_reward_redemption.add", "1",
				sample("channel.channel_points_custom_reward_redemption.add")))
			.isEqualTo(new ChannelPointsEvent.RewardRedeemed(SENT_AT,
					redemption(ChannelPointsEvent.RedemptionStatus.UNFULFILLED)));
		assertThat(payload(topic, "channel.channel_points_custom_reward_redemption.update", "1",
				sample("channel.channel_points_custom_reward_redemption.update")))
			.isEqualTo(new ChannelPointsEvent.RedemptionStatusUpdated(SENT_AT,
					redemption(ChannelPointsEvent.RedemptionStatus.FULFILLED)));
	}

	private static ChannelPointsEvent.Redemption redemption(ChannelPointsEvent.RedemptionStatus status) {
		// Everything but id, channel, title, prompt and cost of the reward is absent.
		ChannelPointsEvent.Reward reward = new ChannelPointsEvent.Reward("92af127c-7326-4483-a52b-b0da0be61c01", "1337",
				"title", "reward prompt", 100, false, false, null, null, "", false, false, false,
				new ChannelPointsEvent.MaxPerStream(false, 0), false, null, null,
				new ChannelPointsEvent.MaxPerUserPerStream(false, 0), new ChannelPointsEvent.GlobalCooldown(false, 0),
				null, null);
		return new ChannelPointsEvent.Redemption("17fa2df1-ad76-4804-bfa5-a40ef63efe63",
				new TwitchUser("9001", "cooler_user", "Cooler_User"), "1337",
				Instant.parse("2020-07-15T17:16:03.17106713Z"), reward, "pogchamp", status);
	}

	@Test
	void aSubscriptionIsASubAndAGiftedOneASubGiftWithTheRecipientOnly() {
		String topic = "channel-subscribe-events-v1.1337";
		assertThat(payload(topic, "channel.subscribe", "1", sample("channel.subscribe")))
			.isEqualTo(new SubscriptionEvent.Sub("cool_user", "Cool_User", "cooler_user", "1234", "1337", SENT_AT,
					SubscriptionEvent.SubPlan.TIER_1, "", 0, null, null, false, null, null));
		String gift = sample("channel.subscribe").replace("\"is_gift\": false", "\"is_gift\": true");
		assertThat(payload(topic, "channel.subscribe", "1", gift)).isEqualTo(new SubscriptionEvent.SubGift("", "",
				"cooler_user", "", "1337", SENT_AT, SubscriptionEvent.SubPlan.TIER_1, "", 0, null, null, true, null,
				"1234", "cool_user", "Cool_User", null));
	}

	@Test
	void aSubscriptionMessageIsAResub() {
		assertThat(payload("channel-subscribe-events-v1.1337", "channel.subscription.message", "1",
				sample("channel.subscription.message")))
			.isEqualTo(new SubscriptionEvent.Resub("cool_user", "Cool_User", "cooler_user", "1234", "1337", SENT_AT,
					SubscriptionEvent.SubPlan.TIER_1, "", 0, 15, 1, false,
					new SubscriptionEvent.SubMessage("Love the stream! FevziGG",
							List.of(new SubscriptionEvent.SubEmote(23, 30, "302976485"))),
					6));
	}

	@Test
	void aModIsAModeratorAddedAndItsModerationAction() {
		assertThat(payloads(MODERATION, "channel.moderate", "2", sample("channel.moderate")))
			.containsExactly(new ChatModeratorActionEvent.ModeratorAdded("1337", "141981764", "twitchdev", "424596340",
					"quotrok", "mod"), onUser("mod", List.of("twitchdev")));
		assertThat(payloads(MODERATION, "channel.moderate", "2", moderate("unvip", "unvip", target(""))))
			.containsExactly(new ChatModeratorActionEvent.VipRemoved("1337", "141981764", "twitchdev", "424596340",
					"quotrok", null), onUser("unvip", List.of("twitchdev")));
	}

	@Test
	void actionsOnAUserCarryPubSubsPositionalArguments() {
		assertThat(payload(MODERATION, "channel.moderate", "2", moderate("ban", "ban", target(",\"reason\":\"spam\""))))
			.isEqualTo(onUser("ban", List.of("twitchdev", "spam")));
		ChatModeratorActionEvent.ModerationAction timeout = (ChatModeratorActionEvent.ModerationAction) payload(
				MODERATION, "channel.moderate", "2", moderate("timeout", "timeout",
						target(",\"reason\":\"calm down\",\"expires_at\":\"2024-05-01T10:21:12Z\"")));
		// EventSub says when the timeout ends, not how long it is: the length stays
		// empty.
		assertThat(timeout).isEqualTo(onUser("timeout", List.of("twitchdev", "", "calm down")));
		assertThat(timeout.duration()).isNull();
		assertThat(timeout.reason()).isEqualTo("calm down");
		assertThat(payload(MODERATION, "channel.moderate", "2",
				moderate("delete", "delete", target(",\"message_id\":\"m-1\",\"message_body\":\"oops\""))))
			.isEqualTo(onUser("delete", List.of("twitchdev", "oops", "m-1")));
		assertThat(payload(MODERATION, "channel.moderate", "2", fixture("channel.moderate.warn.json")))
			.isEqualTo(new ChatModeratorActionEvent.ModerationAction("chat_login_moderation", "warn",
					List.of("twitchdev", "cut it out"), "the_mod", "9001", SENT_AT, null, "141981764", "twitchdev",
					false, null));
	}

	@Test
	void chatModesAreChannelModerationActions() {
		assertThat(payload(MODERATION, "channel.moderate", "2", moderate("slow", "slow", "{\"wait_time_seconds\":30}")))
			.isEqualTo(onChannel("slow", List.of("30")));
		assertThat(payload(MODERATION, "channel.moderate", "2",
				moderate("followers", "followers", "{\"follow_duration_minutes\":10}")))
			.satisfies((followers) -> assertThat(
					((ChatModeratorActionEvent.ModerationAction) followers).duration().toMinutes())
				.isEqualTo(10));
		assertThat(payload(MODERATION, "channel.moderate", "2", moderate("uniquechat", null, null)))
			.isEqualTo(onChannel("r9kbeta", List.of()));
		assertThat(payload(MODERATION, "channel.moderate", "2", moderate("clear", null, null)))
			.isEqualTo(onChannel("clear", List.of()));
	}

	@Test
	void aTermListChangeIsOneChannelTermsActionPerTerm() {
		assertThat(payloads(MODERATION, "channel.moderate", "2",
				moderate("add_blocked_term", "automod_terms",
						"{\"action\":\"add\",\"list\":\"blocked\",\"terms\":[\"foo\",\"bar\"],\"from_automod\":true}")))
			.containsExactly(term("foo"), term("bar"));
	}

	@Test
	void anUnbanRequestDecisionIsItsPubSubShape() {
		assertThat(payload(MODERATION, "channel.moderate", "2",
				moderate("deny_unban_request", "unban_request",
						target(",\"is_approved\":false,\"moderator_message\":\"no\""))))
			.isEqualTo(new ChatModeratorActionEvent.UnbanRequestDenied("DENY_UNBAN_REQUEST", "424596340", "quotrok",
					"no", "141981764", "twitchdev"));
	}

	@Test
	void sharedChatAndUnknownActionsAreSkipped() {
		assertThat(conversion(MODERATION, "channel.moderate", "2",
				moderate("shared_chat_ban", "shared_chat_ban", target(""))))
			.isEqualTo(Conversion.skip("action=shared_chat_ban"));
		assertThat(conversion(MODERATION, "channel.moderate", "2",
				fixture("partial/channel.moderate.unknown_action.json")))
			.isEqualTo(Conversion.skip("action=unrecognized"));
	}

	private static ChatModeratorActionEvent.ModerationAction onUser(String action, List<String> args) {
		return new ChatModeratorActionEvent.ModerationAction("chat_login_moderation", action, args, "quotrok",
				"424596340", SENT_AT, null, "141981764", "twitchdev", false, null);
	}

	private static ChatModeratorActionEvent.ModerationAction onChannel(String action, List<String> args) {
		return new ChatModeratorActionEvent.ModerationAction("chat_channel_moderation", action, args, "quotrok",
				"424596340", SENT_AT, null, null, null, false, null);
	}

	private static ChatModeratorActionEvent.ChannelTermsAction term(String text) {
		return new ChatModeratorActionEvent.ChannelTermsAction(ChatModeratorActionEvent.TermAction.ADD_BLOCKED_TERM, "",
				text, "424596340", "quotrok", "1337", null, SENT_AT, true);
	}

	@Test
	void aHeldMessageIsACaughtMessageAndItsUpdateTheResolvedOne() {
		String topic = "automod-queue.424596340.1337";
		assertThat(payload(topic, "automod.message.hold", "2", sample("automod.message.hold")))
			.isEqualTo(caught(null, null, AutomodStatus.PENDING));
		assertThat(payload(topic, "automod.message.update", "2", sample("automod.message.update")))
			.isEqualTo(caught("424596340", "quotrok", AutomodStatus.ALLOWED));
	}

	private static AutomodQueueEvent.CaughtMessage caught(String resolverId, String resolverLogin,
			AutomodStatus status) {
		MessageContent content = new MessageContent("This is a bad message… pogchamp", List.of(
				new MessageFragment("This is a bad message… ", null, null, null, null),
				new MessageFragment("pogchamp", null, new MessageFragment.Emoticon("305954156", "0"), null, null)));
		AutomodQueueEvent.HeldMessage message = new AutomodQueueEvent.HeldMessage("bad-message-id", content,
				new ChatSender("4242", "baduser", "badbaduser", null, List.of()),
				Instant.parse("2022-12-02T15:00:00.00Z"), "1337", "blah");
		return new AutomodQueueEvent.CaughtMessage(null, new AutomodQueueEvent.ContentClassification("aggressive", 1),
				message, "AutoModCaughtMessageReason", resolverId, resolverLogin, status,
				new AutomodQueueEvent.CaughtMessageReason("automod", new AutomodQueueEvent.AutomodFailure("aggressive",
						1, List.of(new AutomodQueueEvent.TextPosition(0, 10))), null));
	}

	@Test
	void aMessageHeldForABlockedTermNamesTheTerms() {
		String held = "{\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\":\"blah\","
				+ "\"user_id\":\"4242\",\"user_login\":\"baduser\",\"message_id\":\"m\",\"message\":{\"text\":\"a bad word\"},"
				+ "\"reason\":\"blocked_term\",\"automod\":null,\"blocked_term\":{\"terms_found\":[{\"term_id\":\"t-1\","
				+ "\"boundary\":{\"start_pos\":5,\"end_pos\":7},\"owner_broadcaster_user_id\":\"1337\","
				+ "\"owner_broadcaster_user_login\":\"blah\",\"owner_broadcaster_user_name\":\"blah\"}]},"
				+ "\"held_at\":\"2022-12-02T15:00:00Z\"}";
		AutomodQueueEvent.CaughtMessage caught = (AutomodQueueEvent.CaughtMessage) payload(
				"automod-queue.424596340.1337", "automod.message.hold", "2", held);
		assertThat(caught.reasonCode()).isEqualTo("BlockedTermCaughtMessageReason");
		assertThat(caught.contentClassification()).isEqualTo(new AutomodQueueEvent.ContentClassification("", 0));
		assertThat(caught.caughtMessageReason()).isEqualTo(new AutomodQueueEvent.CaughtMessageReason("blocked_term",
				null, new AutomodQueueEvent.BlockedTermFailure(false, List.of(new AutomodQueueEvent.BlockedTerm(false,
						"1337", new AutomodQueueEvent.TextPosition(5, 7), "t-1", "")))));
	}

	@Test
	void theAuthorsHeldMessageIsAnAutomodCaughtMessage() {
		String topic = "user-moderation-notifications.456.123";
		assertThat(payload(topic, "channel.chat.user_message_hold", "1", sample("channel.chat.user_message_hold")))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("789", AutomodStatus.PENDING));
		assertThat(payload(topic, "channel.chat.user_message_update", "1", sample("channel.chat.user_message_update")))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("789", AutomodStatus.ALLOWED));
		String invalid = sample("channel.chat.user_message_update").replace("\"approved\"", "\"invalid\"");
		assertThat(payload(topic, "channel.chat.user_message_update", "1", invalid))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("789", AutomodStatus.UNRECOGNIZED));
	}

	@Test
	void aSuspiciousUsersMessageIsALowTrustUserNewMessage() {
		LowTrustUserEvent.LowTrustUser user = new LowTrustUserEvent.LowTrustUser("1050263434", "1050263432.1050263434",
				"1050263432", new ChatSender("1050263434", "4a46e2cd7ad24a3a", "4a46e2cd7ad24a3a", null, List.of()),
				null, null, LowTrustUserEvent.BanEvasionEvaluation.LIKELY_EVADER,
				LowTrustUserEvent.Treatment.ACTIVE_MONITORING, null, List.of("100", "200"),
				List.of(LowTrustUserEvent.Type.DETECTED_BAN_EVADER));
		MessageContent content = new MessageContent("bad stuff pogchamp",
				List.of(new MessageFragment("bad stuff ", null, null, null, null),
						new MessageFragment("pogchamp", null, new MessageFragment.Emoticon("899", "1"), null, null)));
		assertThat(payload("low-trust-users.1050263436.1050263432", "channel.suspicious_user.message", "1",
				sample("channel.suspicious_user.message")))
			.isEqualTo(new LowTrustUserEvent.NewMessage(user, content, "101010", SENT_AT));
	}

	@Test
	void aSuspiciousUserUpdateIsALowTrustTreatmentUpdate() {
		assertThat(payload("low-trust-users.1050263436.1050263432", "channel.suspicious_user.update", "1",
				sample("channel.suspicious_user.update")))
			.isEqualTo(new LowTrustUserEvent.TreatmentUpdate("1050263432.1050263437", "1050263432",
					new TwitchUser("1050263436", "4a46e2cd7ad24a3b", "4a46e2cd7ad24a3b"), SENT_AT, "1050263437",
					"4a46e2cd7ad24a3c", LowTrustUserEvent.Treatment.RESTRICTED, List.of(), null, null));
	}

}
