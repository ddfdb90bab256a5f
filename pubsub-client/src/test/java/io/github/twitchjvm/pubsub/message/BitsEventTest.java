package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BitsEventTest {

	@Test
	void decodesAV2Cheer() {
		BitsEvent.Cheer cheer = Fixtures.decode(TopicType.BITS_V2, "bits-v2/bits_event.json", BitsEvent.Cheer.class);
		assertThat(cheer.messageId()).isEqualTo("8d3f1a6c-2e9b-5c47-a0d1-7b4e93c2f516");
		assertThat(cheer.version()).isEqualTo("1.0");
		assertThat(cheer.userName()).isEqualTo("glitterbean");
		assertThat(cheer.userId()).isEqualTo("236754010");
		assertThat(cheer.channelName()).isEqualTo("harborlight_tv");
		assertThat(cheer.channelId()).isEqualTo("96158427");
		assertThat(cheer.bitsUsed()).isEqualTo(250);
		assertThat(cheer.totalBitsUsed()).isEqualTo(3750);
		assertThat(cheer.isAnonymous()).isFalse();
		assertThat(cheer.context()).isEqualTo("cheer");
		assertThat(cheer.badgeEntitlement()).isNull();
		assertThat(cheer.time()).isEqualTo(Instant.parse("2023-06-18T02:11:07.904512381Z"));
		assertThat(cheer.chatMessage()).isEqualTo("Cheer100 Cheer100 Cheer50 lets go harbor!");
	}

	@Test
	void decodesABadgeEntitlement() {
		BitsEvent.Cheer cheer = Fixtures.decode(TopicType.BITS_V2, "bits-v2/bits_event_badge.json",
				BitsEvent.Cheer.class);
		assertThat(cheer.badgeEntitlement()).isEqualTo(new BitsEvent.BadgeEntitlement(10000, 1000));
		assertThat(cheer.totalBitsUsed()).isEqualTo(10250);
	}

	@Test
	void decodesAnAnonymousCheerWithoutUser() {
		BitsEvent.Cheer cheer = Fixtures.decode(TopicType.BITS_V2, "bits-v2/bits_event_anonymous.json",
				BitsEvent.Cheer.class);
		assertThat(cheer.isAnonymous()).isTrue();
		assertThat(cheer.userId()).isNull();
		assertThat(cheer.userName()).isNull();
		assertThat(cheer.bitsUsed()).isEqualTo(500);
	}

	@Test
	void readsIsAnonymousFromTheTopLevelAsTheDocumentationShowedIt() {
		BitsEvent.Cheer cheer = Fixtures.decode(TopicType.BITS_V2, "bits-v2/bits_event_toplevel_anonymous.json",
				BitsEvent.Cheer.class);
		assertThat(cheer.isAnonymous()).isTrue();
		assertThat(cheer.userName()).isNull();
		assertThat(cheer.time()).as("-08:00 offset").isEqualTo(Instant.parse("2019-11-05T17:14:22.718Z"));
	}

	@Test
	void decodesAV1CheerWithCapitalisedBadgeTierEntitlement() {
		BitsEvent.Cheer cheer = Fixtures.decode(TopicType.BITS_V1, "bits-v1/bits_event.json", BitsEvent.Cheer.class);
		assertThat(cheer.isAnonymous()).isFalse();
		assertThat(cheer.userName()).isEqualTo("saltmarsh_sid");
		assertThat(cheer.bitsUsed()).isEqualTo(300);
		assertThat(cheer.totalBitsUsed()).isEqualTo(8300);
		assertThat(cheer.badgeEntitlement()).isNull();
		assertThat(cheer.badgeTierEntitlement())
			.isEqualTo(new BitsEvent.BadgeTierEntitlement(new BitsEvent.BadgeEntitlement(0, 0)));
		assertThat(cheer.time()).isEqualTo(Instant.parse("2023-06-17T15:39:51.276888655Z"));
	}

	@Test
	void keepsAnUnknownMessageTypeWithItsRawJson() {
		String json = Fixtures.text("bits-v2/unknown_message_type.json");
		BitsEvent.Unknown unknown = (BitsEvent.Unknown) PayloadCodec.standard().decode(TopicType.BITS_V2, json);
		assertThat(unknown.type()).isEqualTo("bits_combo");
		assertThat(unknown.json()).isEqualTo(json);
	}

	@Test
	void anUnknownMessageTypeWithDataOfAnotherShapeIsStillUnknown() {
		String json = "{\"data\":{\"bits_used\":{\"nested\":true},\"time\":42},\"message_type\":\"bits_future\"}";
		assertThat(PayloadCodec.standard().decode(TopicType.BITS_V2, json))
			.isEqualTo(new BitsEvent.Unknown("bits_future", json));
	}

	@Test
	void aBitsEventWithAValueOfTheWrongTypeHasItAbsentAndKeepsTheRest() {
		String json = "{\"data\":{\"bits_used\":\"many\",\"channel_id\":\"7\",\"time\":42},\"message_type\":\"bits_event\"}";
		BitsEvent.Cheer cheer = (BitsEvent.Cheer) PayloadCodec.standard().decode(TopicType.BITS_V1, json);
		assertThat(cheer.bitsUsed()).isZero();
		assertThat(cheer.time()).isEqualTo(Instant.EPOCH);
		assertThat(cheer.channelId()).isEqualTo("7");
	}

	@Test
	void writesIsAnonymousInsideDataLikeRealV2Frames() {
		PubSubPayload cheer = Fixtures.decode(TopicType.BITS_V2, "bits-v2/bits_event_toplevel_anonymous.json");
		var tree = PayloadCodec.standard().readTree(TopicType.BITS_V2, PayloadCodec.standard().encode(cheer));
		assertThat(tree.get("message_type").asString()).isEqualTo("bits_event");
		assertThat(tree.get("data").get("is_anonymous").asBoolean()).isTrue();
		assertThat(tree.has("is_anonymous")).isFalse();
	}

}
