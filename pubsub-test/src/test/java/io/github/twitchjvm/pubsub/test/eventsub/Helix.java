package io.github.twitchjvm.pubsub.test.eventsub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** A Helix client on the JDK's HttpClient, for one token. */
final class Helix {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final AtomicInteger USERS = new AtomicInteger(500_000);

	private final URI base;

	private final @Nullable String token;

	private final @Nullable String clientId;

	Helix(FakeTwitchServer server, @Nullable String token, @Nullable String clientId) {
		this.base = server.helixUri();
		this.token = token;
		this.clientId = clientId;
	}

	/** A Helix client for a new user of its own with a token carrying every scope. */
	static Helix forNewUser(FakeTwitchServer server) {
		return new Helix(server, newUser(server, FakeEventSub.ALL_SCOPES).accessToken(),
				TwitchAccounts.DEFAULT_CLIENT_ID);
	}

	static Helix of(FakeTwitchServer server, IssuedToken token) {
		return new Helix(server, token.accessToken(), token.clientId());
	}

	/** A new user of its own with a token carrying the scopes. */
	static IssuedToken newUser(FakeTwitchServer server, List<String> scopes) {
		String userId = Integer.toString(USERS.incrementAndGet());
		server.accounts().registerUser(userId, "user" + userId);
		return server.accounts().issueToken(userId, scopes);
	}

	Response post(String body) {
		return send(request("").POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Response get(String query) {
		return send(request(query).GET());
	}

	Response delete(String id) {
		return send(request("?id=" + id).DELETE());
	}

	Response create(String type, String version, Map<String, String> condition, String sessionId) {
		return post(body(type, version, condition, sessionId));
	}

	/** Creates a subscription and returns its id, failing unless Helix answered 202. */
	String subscribe(String type, String version, Map<String, String> condition, String sessionId) {
		Response response = create(type, version, condition, sessionId);
		assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
		return response.body().at("/data/0/id").asString();
	}

	static String body(String type, String version, Map<String, String> condition, String sessionId) {
		ObjectNode body = EventSubTestSocket.JSON.createObjectNode();
		body.put("type", type);
		body.put("version", version);
		ObjectNode conditionNode = body.putObject("condition");
		condition.forEach(conditionNode::put);
		ObjectNode transport = body.putObject("transport");
		transport.put("method", "websocket");
		transport.put("session_id", sessionId);
		return body.toString();
	}

	private HttpRequest.Builder request(String query) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/eventsub/subscriptions" + query))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (this.clientId != null) {
			request.header("Client-Id", this.clientId);
		}
		return request;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isEmpty() ? EventSubTestSocket.JSON.createObjectNode()
					: EventSubTestSocket.JSON.readTree(response.body());
			return new Response(response.statusCode(), body, response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode body, HttpHeaders headers) {

		String message() {
			return this.body.path("message").asString();
		}

		/** Asserts Twitch's error body. */
		Response isError(int status, String error, String message) {
			assertThat(this.status).as("%s", this.body).isEqualTo(status);
			assertThat(this.body.path("error").asString()).isEqualTo(error);
			assertThat(this.body.path("status").intValue()).isEqualTo(status);
			assertThat(this.body.path("message").asString()).contains(message);
			return this;
		}

	}

}
