package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.List;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's fake-server example, run as written, with a bare client standing in for
 * "your client".
 */
@FakeTwitch
class ReadmeExamplesTest {

	@Test
	void receivesAWhisper(FakeTwitchServer server) {
		server.accounts().registerUser("44322889", "dallas");
		IssuedToken token = server.accounts().issueToken("44322889", List.of("whispers:read"));
		try (TestSocket client = TestSocket.connect(server)) {
			client.listen("readme", token.accessToken(), "whispers.44322889");
			client.expectResponse("readme", "");

			server.publish("whispers.44322889", "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}");
			PubSubPayload thread = PayloadCodec.standard()
				.decode(TopicType.WHISPERS, client.next().get("data").get("message").asString());
			assertThat(thread).isInstanceOfSatisfying(WhisperEvent.ThreadUpdate.class,
					(update) -> assertThat(update.id()).isEqualTo("1_2"));

			WhisperEvent whisperEvent = new WhisperEvent.ThreadUpdate("44322889_5", 3, false, false, null, null);
			server.publish(Topic.parse("whispers.44322889"), whisperEvent);
			assertThat(PayloadCodec.standard()
				.decode(TopicType.WHISPERS, client.next().get("data").get("message").asString()))
				.isEqualTo(whisperEvent);

			server.faults().sendReconnect(null, Duration.ofSeconds(1));
			assertThat(client.nextText()).isEqualTo("{\"type\":\"RECONNECT\"}");
			assertThat(client.awaitClose()).isEqualTo(1001);
		}
	}

}
