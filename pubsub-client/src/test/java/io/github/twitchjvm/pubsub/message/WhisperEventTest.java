package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WhisperEventTest {

	@Test
	void decodesAReceivedWhisperFromItsDataObject() {
		WhisperEvent.Received received = Fixtures.decode(TopicType.WHISPERS, "whispers/whisper_received.json",
				WhisperEvent.Received.class);
		WhisperEvent.Whisper whisper = received.whisper();
		assertThat(whisper.messageId()).isEqualTo("c8a1f2e4-6b3d-4f0a-9e27-5d1b8c3a7f90");
		assertThat(whisper.id()).isEqualTo("41237");
		assertThat(whisper.threadId()).isEqualTo("58355428_129546453");
		assertThat(whisper.body()).isEqualTo("hey Kappa are you streaming tonight?");
		assertThat(whisper.sentAt()).isEqualTo(Instant.ofEpochSecond(1686987591));
		assertThat(whisper.fromId()).isEqualTo("129546453");
		assertThat(whisper.nonce()).isEqualTo("b7d0e4c2a9f14e3b8a6c5d2f1e0a9b8c");
		assertThat(whisper.tags().login()).isEqualTo("pixel_wren");
		assertThat(whisper.tags().displayName()).isEqualTo("Pixel_Wren");
		assertThat(whisper.tags().color()).isEqualTo("#1E90FF");
		assertThat(whisper.tags().userType()).as("empty user_type means a normal user").isNull();
		assertThat(whisper.tags().turbo()).isFalse();
		assertThat(whisper.tags().emotes()).containsExactly(new WhisperEvent.WhisperEmote("25", 4, 8));
		assertThat(whisper.tags().badges()).containsExactly(new Badge("premium", "1"));
		assertThat(whisper.recipient().id()).isEqualTo("58355428");
		assertThat(whisper.recipient().username()).isEqualTo("lunarfoxx");
		assertThat(whisper.recipient().displayName()).isEqualTo("LunarFoxx");
		assertThat(whisper.recipient().badges()).containsExactly(new Badge("partner", "1"));
		assertThat(whisper.recipient().profileImage()).startsWith("https://");
	}

	@Test
	void decodesASentWhisper() {
		WhisperEvent.Sent sent = Fixtures.decode(TopicType.WHISPERS, "whispers/whisper_sent.json",
				WhisperEvent.Sent.class);
		assertThat(sent.whisper().id()).isEqualTo("52908");
		assertThat(sent.whisper().fromId()).isEqualTo("71092938");
		assertThat(sent.whisper().tags().turbo()).isTrue();
		assertThat(sent.whisper().tags().emotes()).containsExactly(new WhisperEvent.WhisperEmote("30259", 20, 26));
		assertThat(sent.whisper().recipient().id()).isEqualTo("402615829");
		assertThat(sent.whisper().recipient().badges()).isEmpty();
	}

	@Test
	void decodesTheThirdJsonLayerWhenThereIsNoDataObject() {
		WhisperEvent.Received received = Fixtures.decode(TopicType.WHISPERS, "whispers/whisper_received_data_only.json",
				WhisperEvent.Received.class);
		WhisperEvent.Whisper whisper = received.whisper();
		assertThat(whisper.messageId()).isNull();
		assertThat(whisper.nonce()).isNull();
		assertThat(whisper.id()).isEqualTo("2314");
		assertThat(whisper.body()).isEqualTo("are you still doing the marathon this weekend?");
		assertThat(whisper.sentAt()).isEqualTo(Instant.ofEpochSecond(1494868211));
		assertThat(whisper.tags().emotes()).isEmpty();
		assertThat(whisper.recipient().profileImage()).isNull();
		assertThat(whisper.recipient().color()).isNull();
		assertThat(whisper.recipient().userType()).isEqualTo("staff");
	}

	@Test
	void dataAndDataObjectDecodeToTheSameWhisper() {
		String json = Fixtures.text("whispers/whisper_received.json");
		PubSubPayload fromObject = PayloadCodec.standard().decode(TopicType.WHISPERS, json);
		ObjectNode tree = (ObjectNode) PayloadCodec.standard().readTree(TopicType.WHISPERS, json);
		tree.remove("data_object");
		assertThat(PayloadCodec.standard().decode(TopicType.WHISPERS, tree.toString())).isEqualTo(fromObject);
	}

	@Test
	void decodesAThreadUpdate() {
		WhisperEvent.ThreadUpdate thread = Fixtures.decode(TopicType.WHISPERS, "whispers/thread.json",
				WhisperEvent.ThreadUpdate.class);
		assertThat(thread.id()).isEqualTo("37402112_91233084");
		assertThat(thread.lastRead()).isEqualTo(9915);
		assertThat(thread.archived()).isFalse();
		assertThat(thread.muted()).isTrue();
		assertThat(thread.spamInfo()).isEqualTo(new WhisperEvent.SpamInfo("low", 1561045720));
		assertThat(thread.whitelistedUntil()).isEqualTo(Instant.parse("2019-06-27T16:02:00.381457712Z"));
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("whispers/unknown_type.json");
		WhisperEvent.Unknown unknown = (WhisperEvent.Unknown) PayloadCodec.standard().decode(TopicType.WHISPERS, json);
		assertThat(unknown.type()).isEqualTo("whisper_reaction");
		assertThat(unknown.json()).isEqualTo(json);
		assertThat(PayloadCodec.standard().encode(unknown)).isEqualTo(json);
	}

	@Test
	void writesIdsAsJsonNumbersAndBothDataLayers() {
		PubSubPayload received = Fixtures.decode(TopicType.WHISPERS, "whispers/whisper_received.json");
		String encoded = PayloadCodec.standard().encode(received);
		var tree = PayloadCodec.standard().readTree(TopicType.WHISPERS, encoded);
		assertThat(tree.get("type").asString()).isEqualTo("whisper_received");
		assertThat(tree.get("data").isString()).isTrue();
		assertThat(tree.get("data_object").get("id").isNumber()).isTrue();
		assertThat(tree.get("data_object").get("from_id").isNumber()).isTrue();
		assertThat(tree.get("data_object").get("recipient").get("id").isNumber()).isTrue();
		assertThat(tree.get("data_object").get("sent_ts").asLong()).isEqualTo(1686987591L);
		assertThat(PayloadCodec.standard().readTree(TopicType.WHISPERS, tree.get("data").asString()))
			.isEqualTo(tree.get("data_object"));
	}

	@Test
	void aKnownTypeWithoutContentHasItsFieldsAbsent() {
		for (String json : new String[] { "{\"type\":\"whisper_received\"}",
				"{\"type\":\"whisper_received\",\"data\":\"\"}", "{\"type\":\"whisper_received\",\"data\":\"[1]\"}",
				"{\"type\":\"whisper_received\",\"data\":7,\"data_object\":null}" }) {
			WhisperEvent.Received received = (WhisperEvent.Received) PayloadCodec.standard()
				.decode(TopicType.WHISPERS, json);
			assertThat(received.whisper().body()).as(json).isEmpty();
			assertThat(received.whisper().tags().badges()).as(json).isEmpty();
			assertThat(received.whisper().messageId()).as(json).isNull();
		}
		assertThat(PayloadCodec.standard().decode(TopicType.WHISPERS, "{\"type\":\"thread\",\"data\":\"\"}"))
			.isEqualTo(new WhisperEvent.ThreadUpdate("", 0, false, false, null, null));
	}

	@Test
	void rejectsInvalidJsonInTheThirdLayer() {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> PayloadCodec.standard()
				.decode(TopicType.WHISPERS, "{\"type\":\"whisper_received\",\"data\":\"{not json\"}"))
			.withMessageStartingWith("Cannot decode whispers message: ");
	}

}
