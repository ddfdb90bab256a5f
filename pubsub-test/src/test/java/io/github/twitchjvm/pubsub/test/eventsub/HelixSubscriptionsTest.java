package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Helix's {@code /eventsub/subscriptions}: the 202 shape, every error of Twitch's with
 * its body, the limits (300 per session, 3 sessions, cost 10), GET's filters and pages,
 * DELETE.
 */
class HelixSubscriptionsTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder().helixRateLimit(1_000_000).build())
		.build());

	@Test
	void createsASubscriptionWithTwitchsAnswer() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, List.of("bits:read"));
		Helix helix = Helix.of(server, token);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			Helix.Response response = helix.create("channel.cheer", "1", Map.of("broadcaster_user_id", token.userId()),
					sessionId);
			assertThat(response.status()).isEqualTo(202);
			assertThat(response.body().propertyNames()).containsExactly("data", "total", "total_cost",
					"max_total_cost");
			JsonNode created = response.body().at("/data/0");
			assertThat(created.propertyNames()).containsExactly("id", "status", "type", "version", "condition",
					"created_at", "transport", "cost");
			assertThat(created.get("status").asString()).isEqualTo("enabled");
			assertThat(created.get("type").asString()).isEqualTo("channel.cheer");
			assertThat(created.get("cost").intValue()).as("authorized by the user").isZero();
			assertThat(created.get("created_at").asString()).matches(EventSubSocketTest.RFC3339_NANOS);
			assertThat(created.get("transport").propertyNames()).containsExactly("method", "session_id",
					"connected_at");
			assertThat(created.at("/transport/session_id").asString()).isEqualTo(sessionId);
			assertThat(response.body().get("total").intValue()).isEqualTo(1);
			assertThat(response.body().get("total_cost").intValue()).isZero();
			assertThat(response.body().get("max_total_cost").intValue()).isEqualTo(10);
			assertThat(response.headers().firstValue("Ratelimit-Limit")).hasValue("1000000");
			assertThat(response.headers().firstValue("Ratelimit-Remaining")).isPresent();
			assertThat(response.headers().firstValue("Ratelimit-Reset")).isPresent();
		}
	}

	@Test
	void refusesBadTokensAndClientIds() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		server.accounts().registerClient("otherclient", "othersecret");
		new Helix(server, null, TwitchAccounts.DEFAULT_CLIENT_ID).get("")
			.isError(401, "Unauthorized", "OAuth token is missing");
		Helix.Response invalid = new Helix(server, "nosuchtoken", TwitchAccounts.DEFAULT_CLIENT_ID).get("")
			.isError(401, "Unauthorized", "Invalid OAuth token");
		assertThat(invalid.headers().firstValue("Ratelimit-Remaining")).as("on every answer").isPresent();
		new Helix(server, token.accessToken(), null).get("")
			.isError(401, "Unauthorized", "Client-Id header is required");
		new Helix(server, token.accessToken(), "otherclient").get("")
			.isError(401, "Unauthorized", "Client ID and OAuth token do not match");
		server.accounts().expire(token.accessToken());
		Helix.of(server, token).get("").isError(401, "Unauthorized", "Invalid OAuth token");
	}

	@Test
	void refusesAnAppTokenForTheWebsocketTransport() throws Exception {
		FakeTwitchServer server = twitch.server();
		HttpResponse<String> grant = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.oauthUri() + "/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID
						+ "&client_secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET + "&grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
		String appToken = EventSubTestSocket.JSON.readTree(grant.body()).get("access_token").asString();
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			new Helix(server, appToken, TwitchAccounts.DEFAULT_CLIENT_ID)
				.create("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId)
				.isError(401, "Unauthorized", "user access token");
		}
	}

	@Test
	void refusesBadRequests() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix helix = Helix.of(server, token);
		String user = token.userId();
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.create("stream.online", "1", Map.of("broadcaster_user_id", user), "AQoQnosuchsession")
				.isError(400, "Bad Request", "websocket transport session does not exist or has already disconnected");
			helix.create("channel.nothing", "1", Map.of("broadcaster_user_id", user), sessionId)
				.isError(400, "Bad Request", "invalid subscription type");
			helix
				.create("channel.moderate", "3", Map.of("broadcaster_user_id", user, "moderator_user_id", user),
						sessionId)
				.isError(400, "Bad Request", "version 3 of channel.moderate is not supported");
			helix.create("channel.moderate", "2", Map.of("broadcaster_user_id", user), sessionId)
				.isError(400, "Bad Request", "condition.moderator_user_id is required");
			helix.create("channel.cheer", "1", Map.of("broadcaster_user_id", user, "user_id", user), sessionId)
				.isError(400, "Bad Request", "condition.user_id is not a condition of channel.cheer");
			helix.post("{\"type\":").isError(400, "Bad Request", "not valid JSON");
			helix
				.post("{\"type\":\"stream.online\",\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":\"1\"},"
						+ "\"transport\":{\"method\":\"webhook\",\"callback\":\"https://example.com\"}}")
				.isError(400, "Bad Request", "transport.method webhook");
			helix.create("channel.channel_points_custom_reward_redemption.add", "1",
					Map.of("broadcaster_user_id", user, "reward_id", "r1"), sessionId);
			assertThat(helix.get("").body().get("total").intValue()).as("only the optional key was accepted")
				.isEqualTo(1);
		}
	}

	@Test
	void refusesADisconnectedSession() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		String sessionId;
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			sessionId = socket.next().at("/payload/session/id").asString();
			socket.closeNormally();
			socket.awaitClose();
		}
		await().until(() -> !server.eventSub()
			.sessions()
			.stream()
			.filter((session) -> session.id().equals(sessionId))
			.findFirst()
			.orElseThrow()
			.isConnected());
		helix.create("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId)
			.isError(400, "Bad Request", "websocket transport session does not exist or has already disconnected");
	}

	@Test
	void refusesAnotherUsersConditionAndMissingScopes() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, List.of("bits:read"));
		Helix helix = Helix.of(server, token);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.create("channel.cheer", "1", Map.of("broadcaster_user_id", "999999999"), sessionId)
				.isError(403, "Forbidden", "subscription missing proper authorization");
			helix.create("channel.subscribe", "1", Map.of("broadcaster_user_id", token.userId()), sessionId)
				.isError(403, "Forbidden", "The access token is missing the required scopes");
			helix
				.create("channel.moderate", "2",
						Map.of("broadcaster_user_id", "1", "moderator_user_id", token.userId()), sessionId)
				.isError(403, "Forbidden", "The access token is missing the required scopes");
			assertThat(
					helix.create("stream.online", "1", Map.of("broadcaster_user_id", "999999999"), sessionId).status())
				.as("a type without authorization needs no scope")
				.isEqualTo(202);
		}
	}

	@Test
	void acceptsEitherScopeOfAGroup() {
		FakeTwitchServer server = twitch.server();
		List<String> moderate = List.of("moderator:manage:blocked_terms", "moderator:read:chat_settings",
				"moderator:read:unban_requests", "moderator:manage:banned_users", "moderator:read:chat_messages",
				"moderator:read:warnings", "moderator:read:moderators", "moderator:read:vips");
		IssuedToken token = Helix.newUser(server, moderate);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			assertThat(Helix.of(server, token)
				.create("channel.moderate", "2",
						Map.of("broadcaster_user_id", "1", "moderator_user_id", token.userId()), sessionId)
				.status()).isEqualTo(202);
		}
	}

	@Test
	void refusesADuplicateWith409() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix helix = Helix.of(server, token);
		Map<String, String> condition = Map.of("user_id", token.userId());
		try (EventSubTestSocket first = EventSubTestSocket.connect(server.eventSubUri());
				EventSubTestSocket second = EventSubTestSocket.connect(server.eventSubUri())) {
			String firstSession = first.next().at("/payload/session/id").asString();
			String secondSession = second.next().at("/payload/session/id").asString();
			helix.subscribe("user.whisper.message", "1", condition, firstSession);
			helix.create("user.whisper.message", "1", condition, secondSession)
				.isError(409, "Conflict", "subscription already exists");
		}
	}

	@Test
	void allows300SubscriptionsPerSession() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix owner = Helix.of(server, token);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			// Cost-0 subscriptions (the user's own channel points rewards) keep the cost
			// budget out of the way.
			for (int i = 0; i < 300; i++) {
				owner.subscribe("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "reward" + i), sessionId);
			}
			owner
				.create("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "reward300"), sessionId)
				.isError(429, "Too Many Requests", "websocket transport");
			Helix.Response otherSession;
			try (EventSubTestSocket another = EventSubTestSocket.connect(server.eventSubUri())) {
				otherSession = owner.create("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "reward300"),
						another.next().at("/payload/session/id").asString());
			}
			assertThat(otherSession.status()).as("the limit is per session").isEqualTo(202);
		}
	}

	@Test
	void allowsThreeSessionsPerUser() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix helix = Helix.of(server, token);
		List<EventSubTestSocket> sockets = new ArrayList<>();
		try {
			List<String> sessions = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri());
				sockets.add(socket);
				sessions.add(socket.next().at("/payload/session/id").asString());
			}
			for (int i = 0; i < 3; i++) {
				helix.subscribe("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "r" + i), sessions.get(i));
			}
			helix
				.create("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "r3"), sessions.get(3))
				.isError(429, "Too Many Requests", "number of websocket transports limit exceeded");
			helix.subscribe("channel.channel_points_custom_reward_redemption.add", "1",
					Map.of("broadcaster_user_id", token.userId(), "reward_id", "r4"), sessions.get(0));
			Helix otherUser = Helix.forNewUser(server);
			otherUser.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessions.get(3));

			// A disconnected session no longer counts.
			sockets.get(0).closeNormally();
			sockets.get(0).awaitClose();
			await().untilAsserted(() -> assertThat(helix
				.create("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "r5"), sessions.get(3))
				.status()).isEqualTo(202));
		}
		finally {
			sockets.forEach(EventSubTestSocket::close);
		}
	}

	@Test
	void keepsTheCostBudgetOf10() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String first = null;
			for (int i = 0; i < 10; i++) {
				String id = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "10" + i), sessionId);
				first = (first != null) ? first : id;
			}
			Helix.Response refused = helix.create("stream.offline", "1", Map.of("broadcaster_user_id", "100"),
					sessionId);
			refused.isError(429, "Too Many Requests", "total cost");
			assertThat(helix.get("").body().get("total_cost").intValue()).isEqualTo(10);
			assertThat(helix.delete(first).status()).isEqualTo(204);
			assertThat(helix.create("stream.offline", "1", Map.of("broadcaster_user_id", "100"), sessionId).status())
				.isEqualTo(202);
		}
	}

	@Test
	void listsWithOneFilterAndPages() {
		FakeTwitchServer server = twitch.server();
		IssuedToken token = Helix.newUser(server, FakeEventSub.ALL_SCOPES);
		Helix helix = Helix.of(server, token);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			List<String> created = new ArrayList<>();
			for (int i = 0; i < 150; i++) {
				created.add(helix.subscribe("channel.channel_points_custom_reward_redemption.add", "1",
						Map.of("broadcaster_user_id", token.userId(), "reward_id", "p" + i), sessionId));
			}
			String cheer = helix.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", token.userId()),
					sessionId);
			String online = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "4242"), sessionId);
			created.add(cheer);
			created.add(online);

			JsonNode first = helix.get("").body();
			assertThat(first.propertyNames()).containsExactly("total", "data", "total_cost", "max_total_cost",
					"pagination");
			assertThat(first.get("total").intValue()).isEqualTo(152);
			assertThat(first.get("total_cost").intValue()).isEqualTo(1);
			assertThat(first.get("data").size()).isEqualTo(100);
			String cursor = first.at("/pagination/cursor").asString();
			JsonNode second = helix.get("?after=" + cursor).body();
			assertThat(second.get("data").size()).isEqualTo(52);
			assertThat(second.get("pagination").has("cursor")).isFalse();
			List<String> listed = new ArrayList<>();
			first.get("data").forEach((item) -> listed.add(item.get("id").asString()));
			second.get("data").forEach((item) -> listed.add(item.get("id").asString()));
			assertThat(listed).as("oldest first, each once").isEqualTo(created);

			assertThat(ids(helix.get("?type=channel.cheer").body())).containsExactly(cheer);
			assertThat(ids(helix.get("?subscription_id=" + online).body())).containsExactly(online);
			assertThat(ids(helix.get("?user_id=4242").body())).containsExactly(online);
			assertThat(helix.get("?status=enabled").body().get("data").size()).isEqualTo(100);
			assertThat(helix.get("?status=websocket_disconnected").body().get("data").size()).isZero();
			helix.get("?type=channel.cheer&status=enabled").isError(400, "Bad Request", "only one of");
			helix.get("?after=bogus").isError(400, "Bad Request", "invalid cursor");
			assertThat(Helix.forNewUser(server).get("").body().get("total").intValue())
				.as("another user sees only their own")
				.isZero();
		}
	}

	@Test
	void deletes() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String id = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId);
			Helix.forNewUser(server).delete(id).isError(404, "Not Found", "subscription not found");
			Helix.Response deleted = helix.delete(id);
			assertThat(deleted.status()).isEqualTo(204);
			assertThat(deleted.headers().firstValue("Ratelimit-Limit")).isPresent();
			helix.delete(id).isError(404, "Not Found", "subscription not found");
			helix.delete("").isError(400, "Bad Request", "id");
			assertThat(helix.get("").body().get("total").intValue()).isZero();
		}
	}

	@Test
	void failsOnDemand() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		server.eventSub().failHelix("GET", 503, "Service Unavailable, try again", 2);
		helix.get("").isError(503, "Service Unavailable", "try again");
		helix.get("").isError(503, "Service Unavailable", "try again");
		assertThat(helix.get("").status()).isEqualTo(200);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("data").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
