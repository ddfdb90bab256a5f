package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fixtures decode to, field by field, for the shapes that need more than a plain
 * binding: prefixed users, nullable users, per-notice and per-action objects, fragments,
 * tiers and nanosecond timestamps.
 */
class TypedEventsTest {

	private static final User BROADCASTER = new User("1337", "cooler_user", "Cooler_User");

	private static final User COOL_USER = new User("1234", "cool_user", "Cool_User");

	private <T extends EventSubEvent> T decode(EventSubType type, String fixture, Class<T> eventClass) {
		return eventClass
			.cast(EventSubCodec.standard().decodeEvent(type.name(), type.version(), Fixtures.read(fixture)));
	}

	@Test
	void whisperHasSenderReceiverAndText() {
		WhisperReceivedEvent whisper = decode(EventSubTypes.USER_WHISPER_MESSAGE, "user.whisper.message.json",
				WhisperReceivedEvent.class);
		assertThat(whisper.from()).isEqualTo(new User("423374343", "glowillig", "glowillig"));
		assertThat(whisper.to()).isEqualTo(new User("424596340", "quotrok", "quotrok"));
		assertThat(whisper.whisperId()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
		assertThat(whisper.whisper().text()).isEqualTo("a secret");
	}

	@Test
	void cheerHasPrefixedUsers() {
		ChannelCheerEvent cheer = decode(EventSubTypes.CHANNEL_CHEER, "channel.cheer.json", ChannelCheerEvent.class);
		assertThat(cheer).isEqualTo(new ChannelCheerEvent(false, COOL_USER, BROADCASTER, "pogchamp cheer1000", 1000));
	}

	@Test
	void anonymousCheerHasNoUser() {
		ChannelCheerEvent cheer = decode(EventSubTypes.CHANNEL_CHEER, "channel.cheer.anonymous.json",
				ChannelCheerEvent.class);
		assertThat(cheer.isAnonymous()).isTrue();
		assertThat(cheer.user()).isNull();
		assertThat(cheer.broadcaster()).isEqualTo(BROADCASTER);
	}

	@Test
	void bitsUseCheerHasCheermoteFragments() {
		ChannelBitsUseEvent use = decode(EventSubTypes.CHANNEL_BITS_USE, "channel.bits.use.json",
				ChannelBitsUseEvent.class);
		assertThat(use.type()).isEqualTo(ChannelBitsUseEvent.Type.CHEER);
		assertThat(use.powerUp()).isNull();
		assertThat(use.message()).isNotNull();
		assertThat(use.message().fragments()).extracting(MessageFragment::type)
			.containsExactly(MessageFragment.Type.CHEERMOTE, MessageFragment.Type.TEXT, MessageFragment.Type.CHEERMOTE);
		assertThat(use.message().fragments().get(0).cheermote())
			.isEqualTo(new MessageFragment.Cheermote("cheer", 1, 1));
	}

	@Test
	void bitsUsePowerUpHasItsObject() {
		ChannelBitsUseEvent use = decode(EventSubTypes.CHANNEL_BITS_USE, "channel.bits.use.power_up.json",
				ChannelBitsUseEvent.class);
		assertThat(use.type()).isEqualTo(ChannelBitsUseEvent.Type.POWER_UP);
		assertThat(use.powerUp()).isEqualTo(new ChannelBitsUseEvent.PowerUp(
				ChannelBitsUseEvent.PowerUpType.GIGANTIFY_AN_EMOTE, new NamedEmote("emotesv2_abc", "PogChamp"), null));
		MessageFragment.Emote emote = use.message().fragments().get(0).emote();
		assertThat(emote)
			.isEqualTo(new MessageFragment.Emote("emotesv2_abc", "0", "12345", List.of("static", "animated")));
	}

	@Test
	void resubNotificationHasItsObjectOnly() {
		ChannelChatNotificationEvent notice = decode(EventSubTypes.CHANNEL_CHAT_NOTIFICATION,
				"channel.chat.notification.json", ChannelChatNotificationEvent.class);
		assertThat(notice.noticeType()).isEqualTo(ChannelChatNotificationEvent.NoticeType.RESUB);
		assertThat(notice.chatter()).isEqualTo(new User("49912639", "viewer23", "viewer23"));
		assertThat(notice.resub()).isEqualTo(new ChannelChatNotificationEvent.Resub(10, 1, 3, SubscriptionTier.TIER_1,
				false, true, false, new User("5678", "generous", "Generous")));
		assertThat(notice.sub()).isNull();
		assertThat(notice.bitsBadgeTier()).isNull();
		assertThat(notice.sourceBroadcaster()).isNull();
		assertThat(notice.sourceBadges()).isEmpty();
		assertThat(notice.badges()).containsExactly(new Badge("subscriber", "12", "10"), new Badge("bits", "1000", ""));
		MessageFragment mention = notice.message().fragments().get(5);
		assertThat(mention.type()).isEqualTo(MessageFragment.Type.MENTION);
		assertThat(mention.mention()).isEqualTo(new MessageFragment.Mention(COOL_USER));
	}

	@Test
	void bitsBadgeTierNotification() {
		ChannelChatNotificationEvent notice = decode(EventSubTypes.CHANNEL_CHAT_NOTIFICATION,
				"channel.chat.notification.bits_badge_tier.json", ChannelChatNotificationEvent.class);
		assertThat(notice.noticeType()).isEqualTo(ChannelChatNotificationEvent.NoticeType.BITS_BADGE_TIER);
		assertThat(notice.bitsBadgeTier()).isEqualTo(new ChannelChatNotificationEvent.BitsBadgeTier(1000));
	}

	@Test
	void sharedChatResubReadsTheSamplesSubPlanAndTheSource() {
		ChannelChatNotificationEvent notice = decode(EventSubTypes.CHANNEL_CHAT_NOTIFICATION,
				"channel.chat.notification.shared_chat_resub.json", ChannelChatNotificationEvent.class);
		assertThat(notice.noticeType()).isEqualTo(ChannelChatNotificationEvent.NoticeType.SHARED_CHAT_RESUB);
		assertThat(notice.sharedChatResub()).isNotNull();
		assertThat(notice.sharedChatResub().subTier()).isEqualTo(SubscriptionTier.TIER_1);
		assertThat(notice.sharedChatResub().streakMonths()).isNull();
		assertThat(notice.sharedChatResub().gifter()).isNull();
		assertThat(notice.sharedChatResub().gifterIsAnonymous()).isNull();
		assertThat(notice.sourceBroadcaster()).isEqualTo(new User("112233", "streamer33", "streamer33"));
		assertThat(notice.sourceBadges()).containsExactly(new Badge("subscriber", "3", "3"));
	}

	@Test
	void customRedemptionKeepsNanoseconds() {
		CustomRewardRedemptionAddEvent added = decode(EventSubTypes.CUSTOM_REWARD_REDEMPTION_ADD,
				"channel.channel_points_custom_reward_redemption.add.json", CustomRewardRedemptionAddEvent.class);
		assertThat(added.redeemedAt()).isEqualTo(Instant.parse("2020-07-15T17:16:03.171067130Z"));
		assertThat(added.redeemedAt().getNano()).isEqualTo(171_067_130);
		assertThat(added.status()).isEqualTo(RedemptionStatus.UNFULFILLED);
		assertThat(added.userInput()).isEqualTo("pogchamp");
		assertThat(added.reward())
			.isEqualTo(new CustomReward("92af127c-7326-4483-a52b-b0da0be61c01", "title", 100, "reward prompt"));
		CustomRewardRedemptionUpdateEvent updated = decode(EventSubTypes.CUSTOM_REWARD_REDEMPTION_UPDATE,
				"channel.channel_points_custom_reward_redemption.update.json", CustomRewardRedemptionUpdateEvent.class);
		assertThat(updated.status()).isEqualTo(RedemptionStatus.FULFILLED);
	}

	@Test
	void automaticRedemptionHasRewardAndFragments() {
		AutomaticRewardRedemptionAddEvent redemption = decode(EventSubTypes.AUTOMATIC_REWARD_REDEMPTION_ADD,
				"channel.channel_points_automatic_reward_redemption.add.json", AutomaticRewardRedemptionAddEvent.class);
		assertThat(redemption.reward()).isEqualTo(new AutomaticRewardRedemptionAddEvent.Reward(
				AutomaticRewardRedemptionAddEvent.RewardType.SEND_HIGHLIGHTED_MESSAGE, 100, null));
		assertThat(redemption.message().fragments().get(1).emote())
			.isEqualTo(new MessageFragment.Emote("81274", null, null, List.of()));
		assertThat(redemption.redeemedAt().getNano()).isEqualTo(260_398_045);
	}

	@Test
	void subscriptionTypes() {
		ChannelSubscribeEvent subscribe = decode(EventSubTypes.CHANNEL_SUBSCRIBE, "channel.subscribe.json",
				ChannelSubscribeEvent.class);
		assertThat(subscribe)
			.isEqualTo(new ChannelSubscribeEvent(COOL_USER, BROADCASTER, SubscriptionTier.TIER_1, false));
		ChannelSubscriptionMessageEvent message = decode(EventSubTypes.CHANNEL_SUBSCRIPTION_MESSAGE,
				"channel.subscription.message.json", ChannelSubscriptionMessageEvent.class);
		assertThat(message.tier()).isEqualTo(SubscriptionTier.TIER_2);
		assertThat(message.message().emotes()).containsExactly(new EmoteText.EmotePosition(17, 23, "302976485"));
		assertThat(message.streakMonths()).isEqualTo(1);
		ChannelSubscriptionGiftEvent anonymous = decode(EventSubTypes.CHANNEL_SUBSCRIPTION_GIFT,
				"channel.subscription.gift.anonymous.json", ChannelSubscriptionGiftEvent.class);
		assertThat(anonymous.user()).isNull();
		assertThat(anonymous.cumulativeTotal()).isNull();
		assertThat(anonymous.tier()).isEqualTo(SubscriptionTier.TIER_3);
	}

	@Test
	void moderateTimeoutAndWarn() {
		ChannelModerateEvent timeout = decode(EventSubTypes.CHANNEL_MODERATE, "channel.moderate.json",
				ChannelModerateEvent.class);
		assertThat(timeout.action()).isEqualTo(ChannelModerateEvent.Action.TIMEOUT);
		assertThat(timeout.timeout())
			.isEqualTo(new ChannelModerateEvent.Timeout(new User("141981764", "twitchdev", "TwitchDev"), "spam",
					Instant.parse("2024-07-15T17:26:03.123456789Z")));
		assertThat(timeout.sourceBroadcaster()).isNull();
		assertThat(timeout.ban()).isNull();
		ChannelModerateEvent warn = decode(EventSubTypes.CHANNEL_MODERATE, "channel.moderate.warn.json",
				ChannelModerateEvent.class);
		assertThat(warn.action()).isEqualTo(ChannelModerateEvent.Action.WARN);
		assertThat(warn.warn()).isEqualTo(new ChannelModerateEvent.Warn(new User("141981764", "twitchdev", "TwitchDev"),
				"cut it out", List.of("Rule 1")));
		assertThat(warn.sourceBroadcaster()).isEqualTo(new User("41292030", "adflynn404", "adflynn404"));
	}

	@Test
	void automodHoldAndUpdate() {
		AutomodMessageHoldEvent hold = decode(EventSubTypes.AUTOMOD_MESSAGE_HOLD, "automod.message.hold.json",
				AutomodMessageHoldEvent.class);
		assertThat(hold.reason()).isEqualTo(AutomodCause.Reason.AUTOMOD);
		assertThat(hold.automod()).isEqualTo(new AutomodCause.Automod("aggressive", 1,
				List.of(new AutomodCause.Boundary(0, 10), new AutomodCause.Boundary(20, 30))));
		assertThat(hold.blockedTerm()).isNull();
		assertThat(hold.heldAt()).isEqualTo(Instant.parse("2022-12-02T15:00:00Z"));
		AutomodMessageUpdateEvent update = decode(EventSubTypes.AUTOMOD_MESSAGE_UPDATE, "automod.message.update.json",
				AutomodMessageUpdateEvent.class);
		assertThat(update.status()).isEqualTo(AutomodMessageUpdateEvent.Status.APPROVED);
		assertThat(update.moderator()).isEqualTo(new User("9001", "the_mod", "The_Mod"));
		assertThat(update.blockedTerm().termsFound())
			.containsExactly(new AutomodCause.TermFound("123", new AutomodCause.Boundary(0, 30), BROADCASTER));
	}

	@Test
	void userMessageHoldAndUpdate() {
		ChatUserMessageHoldEvent hold = decode(EventSubTypes.CHAT_USER_MESSAGE_HOLD,
				"channel.chat.user_message_hold.json", ChatUserMessageHoldEvent.class);
		assertThat(hold.user()).isEqualTo(new User("456", "tom", "Tommy"));
		assertThat(hold.message().fragments().get(0).emote())
			.isEqualTo(new MessageFragment.Emote("foo", "7", null, List.of()));
		ChatUserMessageUpdateEvent update = decode(EventSubTypes.CHAT_USER_MESSAGE_UPDATE,
				"channel.chat.user_message_update.json", ChatUserMessageUpdateEvent.class);
		assertThat(update.status()).isEqualTo(ChatUserMessageUpdateEvent.Status.APPROVED);
	}

	@Test
	void suspiciousUserMessageAndUpdate() {
		SuspiciousUserMessageEvent message = decode(EventSubTypes.SUSPICIOUS_USER_MESSAGE,
				"channel.suspicious_user.message.json", SuspiciousUserMessageEvent.class);
		assertThat(message.lowTrustStatus()).isEqualTo(LowTrustStatus.ACTIVE_MONITORING);
		assertThat(message.types()).containsExactly(SuspiciousUserMessageEvent.UserType.BAN_EVADER);
		assertThat(message.banEvasionEvaluation()).isEqualTo(SuspiciousUserMessageEvent.BanEvasionEvaluation.LIKELY);
		assertThat(message.sharedBanChannelIds()).containsExactly("100", "200");
		assertThat(message.message().messageId()).isEqualTo("101010");
		SuspiciousUserUpdateEvent update = decode(EventSubTypes.SUSPICIOUS_USER_UPDATE,
				"channel.suspicious_user.update.json", SuspiciousUserUpdateEvent.class);
		assertThat(update.lowTrustStatus()).isEqualTo(LowTrustStatus.RESTRICTED);
		assertThat(update.moderator().id()).isEqualTo("1050263436");
	}

}
