package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's EventSub example, run as written, with a bare client standing in for "your
 * client".
 */
@FakeTwitch
class EventSubReadmeExampleTest {

	@Test
	void receivesACheer(FakeTwitchServer server, FakeEventSub eventSub) {
		server.accounts().registerUser("44322889", "dallas");
		IssuedToken token = server.accounts().issueToken("44322889", List.of("bits:read"));
		try (EventSubTestSocket client = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = client.next().at("/payload/session/id").asString();
			Helix.of(server, token)
				.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", "44322889"), sessionId);

			eventSub.publishSample("channel.cheer", Map.of("broadcaster_user_id", "44322889"));
			assertThat(client.nextSkippingKeepalives().at("/payload/event/bits").intValue()).isEqualTo(1000);

			eventSub.reconnect(eventSub.sessions().get(0).id());
			assertThat(client.nextSkippingKeepalives().at("/metadata/message_type").asString())
				.isEqualTo("session_reconnect");
		}
	}

}
