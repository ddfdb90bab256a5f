package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;

import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ModerationAction;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Inputs at the edges of what Twitch sent, and what the model promises about them. */
class DecodingEdgeCasesTest {

	private final PayloadCodec codec = PayloadCodec.standard();

	@Test
	void aWhisperWhoseDataObjectIsNotAnObjectIsReadFromItsDataString() {
		String json = Fixtures.text("whispers/whisper_received_data_only.json");
		PubSubPayload expected = this.codec.decode(TopicType.WHISPERS, json);
		for (String dataObject : new String[] { "null", "\"\"", "\"{}\"", "[]" }) {
			String variant = json.replaceFirst("\\{", "{\"data_object\": " + dataObject + ",");
			assertThat(this.codec.decode(TopicType.WHISPERS, variant)).as(dataObject).isEqualTo(expected);
		}
	}

	@Test
	void aCheerWithoutDataHasItsFieldsAbsent() {
		assertThat(this.codec.decode(TopicType.BITS_V2, "{\"message_type\":\"bits_event\"}")).isEqualTo(
				new BitsEvent.Cheer(null, null, null, "", null, "", Instant.EPOCH, "", 0, 0, false, null, null, null));
	}

	@Test
	void aMissingFieldIsAbsent() {
		assertThat(this.codec.decode(TopicType.BITS_BADGE_UNLOCKS, "{\"user_id\":\"1\"}"))
			.isEqualTo(new BitsBadgeUnlock("1", "", "", "", 0, "", Instant.EPOCH));
	}

	@Test
	void goZeroTimeWhereATimeIsAlwaysSetIsTheAbsentTime() {
		String json = Fixtures.text("bits-v2/bits_event.json")
			.replace("2023-06-18T02:11:07.904512381Z", "0001-01-01T00:00:00Z");
		assertThat(((BitsEvent.Cheer) this.codec.decode(TopicType.BITS_V2, json)).time()).isEqualTo(Instant.EPOCH);
	}

	@Test
	void aDiscriminatorGivenTwiceIsAnError() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(TopicType.CHAT_MODERATOR_ACTIONS,
					"{\"type\":\"vip_added\",\"type\":\"moderator_added\",\"data\":{}}"))
			.withMessageContaining("Duplicate 'type'");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(TopicType.WHISPERS, "{\"type\":\"thread\",\"type\":\"x\"}"))
			.withMessageContaining("Duplicate 'type'");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(TopicType.BITS_V2,
					"{\"message_type\":\"bits_event\",\"message_type\":\"x\",\"data\":{}}"))
			.withMessageContaining("Duplicate 'message_type'");
		String sub = Fixtures.text("subscriptions/sub.json");
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(TopicType.CHANNEL_SUBSCRIPTIONS,
					sub.replaceFirst("\\{", "{\"context\": \"resub\",")))
			.withMessageContaining("Duplicate 'context'");
	}

	@Test
	void aDiscriminatorNameInsideAValueIsNoDuplicate() {
		String sub = Fixtures.text("subscriptions/sub.json").replace("first sub, love the vibes HeyGuys", "context");
		assertThat(sub).contains("\"context\"");
		assertThat(this.codec.decode(TopicType.CHANNEL_SUBSCRIPTIONS, sub)).isInstanceOf(SubscriptionEvent.Sub.class);
	}

	@Test
	void fractionsWhereCountsBelongAreAbsentNotRounded() {
		String json = Fixtures.text("bits-v2/bits_event.json").replace("\"bits_used\": 250", "\"bits_used\": 1.9");
		assertThat(json).contains("1.9");
		BitsEvent.Cheer cheer = (BitsEvent.Cheer) this.codec.decode(TopicType.BITS_V2, json);
		assertThat(cheer.bitsUsed()).isZero();
		assertThat(cheer.totalBitsUsed()).isEqualTo(3750);
	}

	@Test
	void numbersTooLargeForTheirFieldAreAbsent() {
		String json = Fixtures.text("bits-v2/bits_event.json")
			.replace("\"bits_used\": 250", "\"bits_used\": 99999999999")
			.replace("\"total_bits_used\": 3750", "\"total_bits_used\": 99999999999999999999");
		BitsEvent.Cheer cheer = (BitsEvent.Cheer) this.codec.decode(TopicType.BITS_V2, json);
		assertThat(cheer.bitsUsed()).isZero();
		assertThat(cheer.totalBitsUsed()).isZero();
		assertThat(cheer.chatMessage()).isEqualTo("Cheer100 Cheer100 Cheer50 lets go harbor!");
		for (String seconds : new String[] { "99999999999999999999", "9223372036854775807",
				"\\\"-9223372036854775808\\\"" }) {
			String whisper = Fixtures.text("whispers/whisper_received_data_only.json")
				.replace("\\\"sent_ts\\\":1494868211", "\\\"sent_ts\\\":" + seconds);
			assertThat(whisper).as(seconds).doesNotContain("1494868211");
			WhisperEvent.Received received = (WhisperEvent.Received) this.codec.decode(TopicType.WHISPERS, whisper);
			assertThat(received.whisper().sentAt()).as(seconds).isEqualTo(Instant.EPOCH);
			assertThat(received.whisper().id()).as(seconds).isEqualTo("2314");
		}
	}

	@Test
	void numbersWrittenAsTextAreRead() {
		String json = Fixtures.text("bits-v2/bits_event.json").replace("\"bits_used\": 250", "\"bits_used\": \"250\"");
		assertThat(((BitsEvent.Cheer) this.codec.decode(TopicType.BITS_V2, json)).bitsUsed()).isEqualTo(250);
	}

	@Test
	void longReasonsAreShortened() {
		String body = "secret".repeat(200);
		String json = "{\"type\":\"whisper_received\",\"data\":\"{\\\"id\\\": " + body + "}\"}";
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(TopicType.WHISPERS, json))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300));
	}

	@Test
	void nullArgumentsKeepTheirPosition() {
		String json = "{\"type\":\"moderation_action\",\"data\":{\"type\":\"chat_login_moderation\","
				+ "\"moderation_action\":\"timeout\",\"args\":[\"lenny\",null,\"caps spam\"],\"created_by\":\"mod\","
				+ "\"created_by_user_id\":\"1\",\"msg_id\":\"\",\"target_user_id\":\"2\",\"target_user_login\":\"\","
				+ "\"from_automod\":false}}";
		ModerationAction action = (ModerationAction) this.codec.decode(TopicType.CHAT_MODERATOR_ACTIONS, json);
		assertThat(action.args()).containsExactly("lenny", "", "caps spam");
		assertThat(action.reason()).isEqualTo("caps spam");
		assertThat(action.duration()).isNull();
	}

	@Test
	void absurdDurationsAreAbsent() {
		for (String seconds : new String[] { "9223372036854775807", "-5", "ten" }) {
			ModerationAction followers = new ModerationAction("chat_channel_moderation", "followers",
					java.util.List.of(seconds), "mod", "1", null, null, null, null, false, null);
			assertThat(followers.duration()).as(seconds).isNull();
		}
		ModerationAction slow = new ModerationAction("chat_channel_moderation", "slow", java.util.List.of(" 5 "), "mod",
				"1", null, null, null, null, false, null);
		assertThat(slow.duration()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void giftsAndExtensionsKeepTheirOptionalCounts() {
		String gift = Fixtures.text("subscriptions/subgift.json")
			.replaceFirst("\\{", "{\"cumulative_months\": 7, \"streak_months\": 3,");
		SubscriptionEvent.SubGift decoded = (SubscriptionEvent.SubGift) this.codec
			.decode(TopicType.CHANNEL_SUBSCRIPTIONS, gift);
		assertThat(decoded.cumulativeMonths()).isEqualTo(7);
		assertThat(decoded.streakMonths()).isEqualTo(3);
		String extend = Fixtures.text("subscriptions/extendsub.json")
			.replaceFirst("\\{", "{\"multi_month_duration\": 3,");
		assertThat(((SubscriptionEvent.ExtendSub) this.codec.decode(TopicType.CHANNEL_SUBSCRIPTIONS, extend))
			.multiMonthDuration()).isEqualTo(3);
	}

	@Test
	void vipChangesKeepAModerationActionWhenSent() {
		String json = Fixtures.text("chat-moderator-actions/vip_added.json")
			.replace("\"created_by\":", "\"moderation_action\": \"vip\", \"created_by\":");
		assertThat(((ChatModeratorActionEvent.VipAdded) this.codec.decode(TopicType.CHAT_MODERATOR_ACTIONS, json))
			.moderationAction()).isEqualTo("vip");
	}

	@Test
	void encodesV1CheersWithoutTheAnonymousFlag() {
		PubSubPayload cheer = this.codec.decode(TopicType.BITS_V2, Fixtures.text("bits-v2/bits_event.json"));
		assertThat(this.codec.encode(TopicType.BITS_V1, cheer)).doesNotContain("is_anonymous");
		assertThat(this.codec.encode(TopicType.BITS_V2, cheer)).contains("\"is_anonymous\":false");
	}

	@Test
	void refusesToEncodeAPayloadForAnotherTopicType() {
		BitsBadgeUnlock unlock = new BitsBadgeUnlock("1", "a", "2", "b", 100, "", Instant.EPOCH);
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode(TopicType.WHISPERS, unlock))
			.withMessage("A BitsBadgeUnlock is not a payload of whispers, which carries WhisperEvent");
	}

	@Test
	void recordsRejectMissingRequiredValues() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new Badge(null, "1")).withMessage("id");
	}

}
