package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PubSub model's leniency rules hold for EventSub events: a field that is missing,
 * {@code null}, of the wrong JSON type or an unknown enum value is absent, unknown fields
 * are ignored, and nothing is lost to strictness.
 */
class LenientDecodingTest {

	private static final User NOBODY = new User("", "", "");

	private <T extends EventSubEvent> T decode(EventSubType type, String fixture, Class<T> eventClass) {
		return eventClass
			.cast(EventSubCodec.standard().decodeEvent(type.name(), type.version(), Fixtures.read(fixture)));
	}

	@Test
	void missingFieldsAreAbsent() {
		ChannelCheerEvent cheer = decode(EventSubTypes.CHANNEL_CHEER, "partial/channel.cheer.missing_fields.json",
				ChannelCheerEvent.class);
		assertThat(cheer).isEqualTo(new ChannelCheerEvent(false, null, NOBODY, "", 100));
	}

	@Test
	void nullsAreAbsentAndNestedRecordsAreEmpty() {
		AutomodMessageHoldEvent hold = decode(EventSubTypes.AUTOMOD_MESSAGE_HOLD,
				"partial/automod.message.hold.nulls.json", AutomodMessageHoldEvent.class);
		assertThat(hold.messageId()).isEmpty();
		assertThat(hold.message()).isEqualTo(new ChatMessage("", List.of()));
		assertThat(hold.reason()).isEqualTo(AutomodCause.Reason.UNRECOGNIZED);
		assertThat(hold.heldAt()).isEqualTo(Instant.EPOCH);
		assertThat(hold.automod()).isNull();
	}

	@Test
	void unknownActionIsUnrecognizedAndExtraFieldsAreIgnored() {
		ChannelModerateEvent event = decode(EventSubTypes.CHANNEL_MODERATE,
				"partial/channel.moderate.unknown_action.json", ChannelModerateEvent.class);
		assertThat(event.action()).isEqualTo(ChannelModerateEvent.Action.UNRECOGNIZED);
		assertThat(event.moderator()).isEqualTo(new User("9001", "the_mod", "The_Mod"));
		assertThat(event.ban()).isNull();
	}

	@Test
	void unknownNoticeTypeAndFragmentTypeAreUnrecognized() {
		ChannelChatNotificationEvent notice = decode(EventSubTypes.CHANNEL_CHAT_NOTIFICATION,
				"partial/channel.chat.notification.unknown_notice.json", ChannelChatNotificationEvent.class);
		assertThat(notice.noticeType()).isEqualTo(ChannelChatNotificationEvent.NoticeType.UNRECOGNIZED);
		assertThat(notice.color()).isNull();
		assertThat(notice.badges()).isEmpty();
		// The null fragment carries nothing and is skipped.
		assertThat(notice.message().fragments())
			.containsExactly(new MessageFragment(MessageFragment.Type.UNRECOGNIZED, "S", null, null, null));
	}

	@Test
	void mistypedFieldsAreAbsent() {
		ChannelSubscribeEvent subscribe = decode(EventSubTypes.CHANNEL_SUBSCRIBE,
				"partial/channel.subscribe.mistyped.json", ChannelSubscribeEvent.class);
		// An object where a string belongs is absent; a number or an array read as text
		// would invent a value, so only the object is dropped.
		assertThat(subscribe.user().id()).isEmpty();
		assertThat(subscribe.tier()).isEqualTo(SubscriptionTier.UNRECOGNIZED);
		assertThat(subscribe.broadcaster().id()).isEqualTo("1337");
	}

	@Test
	void unknownValuesInListsAndNumbersAsText() {
		SuspiciousUserMessageEvent message = decode(EventSubTypes.SUSPICIOUS_USER_MESSAGE,
				"partial/channel.suspicious_user.message.unknown_values.json", SuspiciousUserMessageEvent.class);
		assertThat(message.lowTrustStatus()).isEqualTo(LowTrustStatus.UNRECOGNIZED);
		assertThat(message.banEvasionEvaluation())
			.isEqualTo(SuspiciousUserMessageEvent.BanEvasionEvaluation.UNRECOGNIZED);
		assertThat(message.types()).containsExactly(SuspiciousUserMessageEvent.UserType.BAN_EVADER,
				SuspiciousUserMessageEvent.UserType.UNRECOGNIZED);
		assertThat(message.sharedBanChannelIds()).isEmpty();
		// Twitch's reference types a cheermote's bits as a string here.
		assertThat(message.message().fragments().get(0).cheermote())
			.isEqualTo(new MessageFragment.Cheermote("cheer", 5, 1));
	}

	@Test
	void offsetTimestampsEmptyInputAndUnknownStatus() {
		CustomRewardRedemptionAddEvent added = decode(EventSubTypes.CUSTOM_REWARD_REDEMPTION_ADD,
				"partial/channel.channel_points_custom_reward_redemption.add.odd_timestamps.json",
				CustomRewardRedemptionAddEvent.class);
		assertThat(added.redeemedAt()).isEqualTo(Instant.parse("2020-07-15T17:16:03.171067130Z"));
		assertThat(added.userInput()).isNull();
		assertThat(added.status()).isEqualTo(RedemptionStatus.UNRECOGNIZED);
	}

	@Test
	void fractionsAndHugeNumbersAreAbsent() {
		ChannelCheerEvent cheer = (ChannelCheerEvent) EventSubCodec.standard()
			.decodeEvent("channel.cheer", "1", "{\"bits\":1.9,\"is_anonymous\":true}");
		assertThat(cheer.bits()).isZero();
		ChannelCheerEvent huge = (ChannelCheerEvent) EventSubCodec.standard()
			.decodeEvent("channel.cheer", "1", "{\"bits\":99999999999999999999}");
		assertThat(huge.bits()).isZero();
	}

}
