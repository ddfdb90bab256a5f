package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The control API's {@code /eventsub/...} routes over HTTP. */
@FakeTwitch
class EventSubControlApiTest {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Test
	void drivesTheServiceOverHttp(FakeTwitchServer server) throws Exception {
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "31"),
					sessionId);

			JsonNode sessions = send(server, "GET", "/eventsub/sessions", "").body();
			assertThat(sessions.findValuesAsString("id")).contains(sessionId);
			JsonNode subscriptions = send(server, "GET", "/eventsub/subscriptions", "").body();
			assertThat(subscriptions.findValuesAsString("id")).contains(subscriptionId);

			Answer published = send(server, "POST", "/eventsub/publish-sample",
					"{\"type\":\"stream.online\",\"condition\":{\"broadcaster_user_id\":\"31\"}}");
			String messageId = published.body().at("/message_ids/0").asString();
			assertThat(socket.nextSkippingKeepalives().at("/metadata/message_id").asString()).isEqualTo(messageId);

			send(server, "POST", "/eventsub/publish",
					"{\"subscription_id\":\"" + subscriptionId + "\",\"event\":{\"id\":\"x\"},\"age_ms\":700000}");
			assertThat(socket.nextSkippingKeepalives().at("/payload/event/id").asString()).isEqualTo("x");

			send(server, "POST", "/eventsub/duplicate", "{\"message_id\":\"" + messageId + "\"}");
			assertThat(socket.nextSkippingKeepalives().at("/metadata/message_id").asString()).isEqualTo(messageId);

			Answer burst = send(server, "POST", "/eventsub/burst",
					"{\"subscription_id\":\"" + subscriptionId + "\",\"count\":50,\"event\":{\"id\":\"b\"}}");
			assertThat(burst.body().get("sent").asInt()).isEqualTo(50);
			java.util.Set<String> burstIds = new java.util.HashSet<>();
			for (int i = 0; i < 50; i++) {
				JsonNode notification = socket.nextSkippingKeepalives();
				assertThat(notification.at("/payload/event/id").asString()).isEqualTo("b");
				burstIds.add(notification.at("/metadata/message_id").asString());
			}
			assertThat(burstIds).hasSize(50);

			Answer bad = send(server, "POST", "/eventsub/close", "{\"session_id\":\"" + sessionId + "\",\"code\":99}");
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.body().get("message").asString()).contains("'code' must be a whole number");

			send(server, "POST", "/eventsub/helix-errors", "{\"method\":\"GET\",\"status\":500,\"times\":1}");
			assertThat(helix.get("").status()).isEqualTo(500);

			String url = send(server, "POST", "/eventsub/reconnect", "{\"session_id\":\"" + sessionId + "\"}").body()
				.get("reconnect_url")
				.asString();
			assertThat(socket.nextSkippingKeepalives().at("/payload/session/reconnect_url").asString()).isEqualTo(url);

			send(server, "POST", "/eventsub/close", "{\"session_id\":\"" + sessionId + "\",\"code\":4000}");
			assertThat(socket.awaitClose()).isEqualTo(4000);
			assertThat(send(server, "POST", "/eventsub/nothing", "{}").status()).isEqualTo(404);
			assertThat(send(server, "GET", "/connections", "").status()).as("PubSub's routes still answer")
				.isEqualTo(200);
		}
	}

	private static Answer send(FakeTwitchServer server, String method, String path, String body) throws Exception {
		HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.controlUri() + path))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), EventSubTestSocket.JSON.readTree(response.body()));
	}

	private record Answer(int status, JsonNode body) {
	}

}
