package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PubSubMessageTest {

	private static final Instant RECEIVED = Instant.parse("2025-04-13T12:00:00Z");

	@Test
	void givesTheRawTextTreeAndTypedPayload() {
		String text = Fixtures.text("channel-points/reward-redeemed.json");
		PubSubMessage message = new PubSubMessage(Topic.parse("channel-points-channel-v1.83710496"), text, RECEIVED);
		assertThat(message.topic().value()).isEqualTo("channel-points-channel-v1.83710496");
		assertThat(message.text()).isSameAs(text);
		assertThat(message.receivedAt()).isEqualTo(RECEIVED);
		assertThat(message.json().get("type").asString()).isEqualTo("reward-redeemed");
		assertThat(message.payload()).isInstanceOf(ChannelPointsEvent.RewardRedeemed.class);
	}

	@Test
	void decodesOnceAndKeepsTheResult() {
		PubSubMessage message = new PubSubMessage(Topic.parse("whispers.58355428"),
				Fixtures.text("whispers/whisper_received.json"), RECEIVED);
		assertThat(message.payload()).isSameAs(message.payload());
		assertThat(message.json()).isSameAs(message.json());
	}

	@Test
	void filtersByVariant() {
		PubSubMessage message = new PubSubMessage(Topic.parse("whispers.58355428"),
				Fixtures.text("whispers/whisper_received.json"), RECEIVED);
		assertThat(message.payload(WhisperEvent.Received.class)).isNotNull();
		assertThat(message.payload(WhisperEvent.class)).isNotNull();
		assertThat(message.payload(WhisperEvent.Sent.class)).isNull();
		assertThat(message.payload(BitsEvent.class)).isNull();
	}

	@Test
	void anUndocumentedTopicHasJsonButNoTypedPayload() {
		PubSubMessage message = new PubSubMessage(Topic.undocumented("video-playback-by-id.44322889"),
				"{\"type\":\"viewcount\",\"viewers\":7}", RECEIVED);
		assertThat(message.json().get("viewers").asInt()).isEqualTo(7);
		assertThatIllegalStateException().isThrownBy(message::payload)
			.withMessageContaining("'video-playback-by-id.44322889' is undocumented");
	}

	@Test
	void invalidJsonFailsOnlyWhenDecodedAndKeepsTheText() {
		PubSubMessage message = new PubSubMessage(Topic.parse("channel-bits-events-v2.1"), "{\"data\":", RECEIVED);
		assertThat(message.text()).isEqualTo("{\"data\":");
		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(message::payload)
			.withMessageStartingWith("Cannot decode channel-bits-events-v2 message: ");
		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(message::json)
			.withMessageStartingWith("Cannot decode channel-bits-events-v2 message: ");
	}

	@Test
	void toStringDoesNotDumpTheMessage() {
		PubSubMessage message = new PubSubMessage(Topic.parse("whispers.1"), "{\"secret\":\"x\"}", RECEIVED);
		assertThat(message.toString())
			.isEqualTo("PubSubMessage[topic=whispers.1, receivedAt=2025-04-13T12:00:00Z, " + "text=14 chars]");
	}

}
