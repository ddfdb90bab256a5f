package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP control API does what the Java API does, for clients in any language. */
@FakeTwitch
class ControlApiTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private FakeTwitchServer server;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		await().until(() -> server.connections().isEmpty());
	}

	@Test
	void registersUsersIssuesTokensPublishesAndInspects() throws Exception {
		assertThat(call("POST", "/users", "{\"user_id\":\"777\",\"login\":\"http_user\"}").get("user_id").asString())
			.isEqualTo("777");
		JsonNode token = call("POST", "/tokens",
				"{\"user_id\":\"777\",\"scopes\":[\"whispers:read\"],\"expires_in\":600}");
		String accessToken = token.get("access_token").asString();
		assertThat(token.get("expires_in").asLong()).isEqualTo(600);
		assertThat(token.get("scope")).hasSize(1);

		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", accessToken, "whispers.777");
			socket.expectResponse("n", "");

			JsonNode connections = call("GET", "/connections", null);
			assertThat(connections).hasSize(1);
			assertThat(connections.get(0).get("topics").get(0).asString()).isEqualTo("whispers.777");
			assertThat(connections.get(0).get("connected_at").asString()).endsWith("Z");

			assertThat(call("POST", "/publish", "{\"topic\":\"whispers.777\",\"message\":{\"type\":\"thread\"}}")
				.get("delivered")
				.asInt()).isEqualTo(1);
			assertThat(socket.next().get("data").get("message").asString()).isEqualTo("{\"type\":\"thread\"}");

			JsonNode frames = call("GET", "/frames", null);
			assertThat(frames).hasSize(1);
			assertThat(frames.get(0).get("text").asString()).doesNotContain(accessToken).contains("***");

			JsonNode stats = call("GET", "/stats", null);
			assertThat(stats.get("connections_open").asInt()).isEqualTo(1);
			assertThat(stats.get("responses").get("").asLong()).isEqualTo(1);

			JsonNode tokens = call("GET", "/tokens", null);
			assertThat(tokens.toString()).doesNotContain(accessToken);
		}
	}

	@Test
	void burstsOverHttp() throws Exception {
		String token = new FakeTwitchFixture(this.server).broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", token, "whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("n", "");
			JsonNode result = call("POST", "/burst",
					"{\"topic\":\"whispers." + FakeTwitchFixture.BROADCASTER + "\",\"message\":\"{}\",\"count\":50}");
			assertThat(result.get("messages_per_connection").asInt()).isEqualTo(50);
			assertThat(result.get("connections").asInt()).isEqualTo(1);
			for (int i = 0; i < 50; i++) {
				socket.next();
			}
		}
	}

	@Test
	void triggersFaults() throws Exception {
		String token = new FakeTwitchFixture(this.server).broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			call("POST", "/faults/listen-errors", "{\"count\":1}");
			socket.listen("fail", token, "whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("fail", "ERR_SERVER");

			call("POST", "/faults/pings", "{\"answer\":false}");
			call("POST", "/faults/clear", "{}");
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");

			call("POST", "/faults/raw", "{\"frame\":\"hello\"}");
			assertThat(socket.nextText()).isEqualTo("hello");

			String id = this.server.connections().get(0).id();
			call("POST", "/faults/reconnect", "{\"connection\":\"" + id + "\",\"close_after_ms\":50}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"RECONNECT\"}");
			assertThat(socket.awaitClose()).isEqualTo(1001);
		}
		try (TestSocket socket = TestSocket.connect(this.server)) {
			call("POST", "/faults/close", "{\"code\":4001,\"reason\":\"bye\"}");
			assertThat(socket.awaitClose()).isEqualTo(4001);
		}
		try (TestSocket socket = TestSocket.connect(this.server)) {
			call("POST", "/faults/drop", "{}");
			assertThat(socket.awaitClose()).isEqualTo(-1);
		}
	}

	@Test
	void changesOnlyTheResponseSettingsARequestNames() throws Exception {
		call("POST", "/faults/responses", "{\"delay_ms\":250}");
		call("POST", "/faults/responses", "{\"withhold\":true}");
		assertThat(this.server.faults().responseDelay()).isEqualTo(Duration.ofMillis(250));
		assertThat(this.server.faults().withholdsResponses()).isTrue();
		call("POST", "/faults/responses", "{\"delay_ms\":0}");
		assertThat(this.server.faults().withholdsResponses()).as("still withheld").isTrue();
		call("POST", "/faults/clear", null);
		assertThat(this.server.faults().withholdsResponses()).isFalse();
	}

	@Test
	void revokesAndExpiresTokens() throws Exception {
		FakeTwitchFixture accounts = new FakeTwitchFixture(this.server);
		String token = accounts.broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", token, "whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("n", "");
			assertThat(
					call("POST", "/tokens/revoke", "{\"access_token\":\"" + token + "\"}").get("revoked").asBoolean())
				.isTrue();
			assertThat(socket.next().get("type").asString()).isEqualTo("AUTH_REVOKED");
		}
		String other = accounts.moderatorToken.accessToken();
		assertThat(call("POST", "/tokens/expire", "{\"access_token\":\"" + other + "\"}").get("expired").asBoolean())
			.isTrue();
		assertThat(this.server.accounts().check(other).isValid()).isFalse();
	}

	@Test
	void answersBadRequestsWithAReason() throws Exception {
		HttpResponse<String> missing = send("POST", "/publish", "{\"message\":\"{}\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("'topic' is required");
		HttpResponse<String> unknownConnection = send("POST", "/faults/drop", "{\"connection\":\"c424242\"}");
		assertThat(unknownConnection.statusCode()).isEqualTo(400);
		assertThat(unknownConnection.body()).contains("No open connection 'c424242'");
		assertThat(send("GET", "/nothing", null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/users", "{not json").statusCode()).isEqualTo(400);
	}

	private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = send(method, path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return TestSocket.JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		return this.http.send(HttpRequest.newBuilder(URI.create(this.server.controlUri() + path))
			.header("Content-Type", "application/json")
			.method(method, publisher)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
