package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A realistic sample for every type, published end to end with the condition's users. */
@FakeTwitch
class SampleEventsTest {

	@Test
	void everyTypeHasASampleObject() {
		assertThat(FakeEventSub.types()).hasSize(19).contains("channel.moderate", "stream.online");
		for (String type : FakeEventSub.types()) {
			JsonNode sample = EventSubTestSocket.JSON.readTree(FakeEventSub.sampleEvent(type));
			assertThat(sample.isObject()).as(type).isTrue();
			assertThat(sample.size()).as(type).isGreaterThan(2);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> FakeEventSub.sampleEvent("channel.nothing"));
	}

	@Test
	void publishesEverySampleToASubscriptionOfItsType(FakeTwitchServer server, FakeEventSub eventSub) {
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix helix = Helix.of(server, token);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			Map<String, Map<String, String>> conditions = new LinkedHashMap<>();
			for (SubscriptionTypes.Definition definition : SubscriptionTypes.all()) {
				Map<String, String> condition = new LinkedHashMap<>();
				definition.requiredKeys().forEach((key) -> condition.put(key, token.userId()));
				helix.subscribe(definition.type(), definition.version(), condition, sessionId);
				conditions.put(definition.type(), condition);
			}
			conditions.forEach((type, condition) -> {
				assertThat(eventSub.publishSample(type, condition)).as(type).hasSize(1);
				JsonNode notification = socket.nextSkippingKeepalives();
				assertThat(notification.at("/metadata/subscription_type").asString()).isEqualTo(type);
				JsonNode event = notification.at("/payload/event");
				if (type.equals("user.whisper.message")) {
					assertThat(event.get("to_user_id").asString()).isEqualTo(token.userId());
				}
				condition.keySet()
					.stream()
					.filter(event::has)
					.forEach((key) -> assertThat(event.get(key).asString()).as(type + " " + key)
						.isEqualTo(token.userId()));
			});
		}
	}

}
