package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The WebSocket side: welcome, welcome window, keepalives, notifications, 4001, closes,
 * revocations, duplicates, old messages. One second of keepalive lasts 100 ms here.
 */
class EventSubSocketTest {

	static final String RFC3339_NANOS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder()
			.keepaliveSecond(Duration.ofMillis(100))
			.pings(Duration.ofMillis(200), Duration.ofSeconds(5))
			.build())
		.build());

	@Test
	void welcomesWithTwitchsShape() {
		FakeTwitchServer server = twitch.server();
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			JsonNode welcome = socket.next();
			JsonNode metadata = welcome.get("metadata");
			assertThat(metadata.propertyNames()).containsExactly("message_id", "message_type", "message_timestamp");
			assertThat(metadata.get("message_id").asString()).matches("[0-9a-f-]{36}");
			assertThat(metadata.get("message_type").asString()).isEqualTo("session_welcome");
			assertThat(metadata.get("message_timestamp").asString()).matches(RFC3339_NANOS);
			JsonNode session = welcome.at("/payload/session");
			assertThat(session.propertyNames()).containsExactly("id", "status", "connected_at",
					"keepalive_timeout_seconds", "reconnect_url");
			assertThat(session.get("status").asString()).isEqualTo("connected");
			assertThat(session.get("connected_at").asString()).matches(RFC3339_NANOS);
			assertThat(session.get("keepalive_timeout_seconds").intValue()).isEqualTo(10);
			assertThat(session.get("reconnect_url").isNull()).isTrue();
			String id = session.get("id").asString();
			assertThat(server.eventSub().sessions()).anySatisfy((known) -> {
				assertThat(known.id()).isEqualTo(id);
				assertThat(known.status()).isEqualTo("connected");
			});
		}
	}

	@Test
	void clampsTheKeepaliveTimeoutAsTwitchDoes() {
		FakeTwitchServer server = twitch.server();
		try (EventSubTestSocket low = EventSubTestSocket.connect(withKeepalive(server, "1"));
				EventSubTestSocket high = EventSubTestSocket.connect(withKeepalive(server, "9999"));
				EventSubTestSocket exact = EventSubTestSocket.connect(withKeepalive(server, "42"))) {
			assertThat(low.next().at("/payload/session/keepalive_timeout_seconds").intValue()).isEqualTo(10);
			assertThat(high.next().at("/payload/session/keepalive_timeout_seconds").intValue()).isEqualTo(600);
			assertThat(exact.next().at("/payload/session/keepalive_timeout_seconds").intValue()).isEqualTo(42);
		}
	}

	@Test
	void closesAnUnusedConnectionWith4003() {
		FakeTwitchServer server = twitch.server();
		try (EventSubTestSocket socket = EventSubTestSocket.welcomed(server.eventSubUri())) {
			assertThat(socket.awaitClose()).isEqualTo(4003);
			assertThat(socket.closeReason()).isEqualTo("connection unused");
		}
	}

	@Test
	void keepsAConnectionWithASubscriptionAndSendsKeepalives() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId);
			for (int i = 0; i < 3; i++) {
				JsonNode keepalive = socket.next();
				assertThat(keepalive.at("/metadata/message_type").asString()).isEqualTo("session_keepalive");
				assertThat(keepalive.get("metadata").propertyNames()).containsExactly("message_id", "message_type",
						"message_timestamp");
				assertThat(keepalive.get("payload").isEmpty()).isTrue();
			}
			assertThat(socket.isClosed()).as("subscribed within the window: no 4003").isFalse();
		}
	}

	@Test
	void deliversANotificationToItsSubscription() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "77"),
					sessionId);
			String messageId = server.eventSub().publish(subscriptionId, "{\"broadcaster_user_id\":\"77\"}");

			JsonNode notification = socket.nextSkippingKeepalives();
			JsonNode metadata = notification.get("metadata");
			assertThat(metadata.propertyNames()).containsExactly("message_id", "message_type", "message_timestamp",
					"subscription_type", "subscription_version");
			assertThat(metadata.get("message_id").asString()).isEqualTo(messageId);
			assertThat(metadata.get("message_type").asString()).isEqualTo("notification");
			assertThat(metadata.get("message_timestamp").asString()).matches(RFC3339_NANOS);
			assertThat(metadata.get("subscription_type").asString()).isEqualTo("stream.online");
			assertThat(metadata.get("subscription_version").asString()).isEqualTo("1");
			JsonNode subscription = notification.at("/payload/subscription");
			assertThat(subscription.propertyNames()).containsExactly("id", "status", "type", "version", "cost",
					"condition", "transport", "created_at");
			assertThat(subscription.get("id").asString()).isEqualTo(subscriptionId);
			assertThat(subscription.get("status").asString()).isEqualTo("enabled");
			assertThat(subscription.get("cost").intValue()).isEqualTo(1);
			assertThat(subscription.at("/condition/broadcaster_user_id").asString()).isEqualTo("77");
			assertThat(subscription.at("/transport/method").asString()).isEqualTo("websocket");
			assertThat(subscription.at("/transport/session_id").asString()).isEqualTo(sessionId);
			assertThat(notification.at("/payload/event/broadcaster_user_id").asString()).isEqualTo("77");
		}
	}

	@Test
	void publishesByTypeAndConditionToEveryMatchingSubscription() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String first = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "901"), sessionId);
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "902"), sessionId);

			List<String> ids = server.eventSub()
				.publish("stream.online", Map.of("broadcaster_user_id", "901"), "{\"id\":\"1\"}");

			assertThat(ids).hasSize(1);
			JsonNode notification = socket.nextSkippingKeepalives();
			assertThat(notification.at("/payload/subscription/id").asString()).isEqualTo(first);
			assertThat(notification.at("/metadata/message_id").asString()).isEqualTo(ids.get(0));
		}
	}

	@Test
	void duplicatesAMessageWithTheSameIdAndAgesAnother() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.offline", "1", Map.of("broadcaster_user_id", "5"),
					sessionId);
			String messageId = server.eventSub().publish(subscriptionId, "{}");
			String original = socket.nextSkippingKeepalives().toString();
			server.eventSub().duplicate(messageId);
			assertThat(socket.nextSkippingKeepalives()).hasToString(original);

			server.eventSub().publishOld(subscriptionId, "{}", Duration.ofMinutes(11));
			Instant timestamp = Instant
				.parse(socket.nextSkippingKeepalives().at("/metadata/message_timestamp").asString());
			assertThat(timestamp).isBefore(Instant.now().minus(Duration.ofMinutes(10)));
		}
	}

	@Test
	void closesWith4001WhenTheClientSendsData() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "3"),
					sessionId);
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.awaitClose()).isEqualTo(4001);
			assertThat(socket.closeReason()).isEqualTo("sent inbound traffic");
			await().untilAsserted(() -> assertThat(subscription(server, subscriptionId).status())
				.isEqualTo("websocket_received_inbound_traffic"));
		}
	}

	@Test
	void closesWithACodeOfTheTableAndLeavesItsStatus() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "4"),
					sessionId);
			server.eventSub().close(sessionId, 4006);
			assertThat(socket.awaitClose()).isEqualTo(4006);
			assertThat(socket.closeReason()).isEqualTo("network error");
			await().untilAsserted(() -> assertThat(subscription(server, subscriptionId).status())
				.isEqualTo("websocket_network_error"));
			assertThat(helix.create("stream.offline", "1", Map.of("broadcaster_user_id", "4"), sessionId).message())
				.isEqualTo("websocket transport session does not exist or has already disconnected");
		}
	}

	@Test
	void aDroppedConnectionDisablesItsSubscriptionsButKeepsThemVisible() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "6"), sessionId);
			server.eventSub().dropTcp(sessionId);
			assertThat(socket.awaitClose()).isEqualTo(-1);
			await().untilAsserted(() -> {
				JsonNode listed = helix.get("").body().at("/data/0");
				assertThat(listed.get("status").asString()).isEqualTo("websocket_disconnected");
				assertThat(listed.at("/transport/disconnected_at").asString()).matches(RFC3339_NANOS);
			});
			assertThat(helix.get("").body().get("total_cost").intValue()).as("disabled ones cost nothing").isZero();
		}
	}

	@Test
	void revokesASubscription() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "8"),
					sessionId);
			server.eventSub().revoke(subscriptionId, "authorization_revoked");
			JsonNode revocation = socket.nextSkippingKeepalives();
			assertThat(revocation.at("/metadata/message_type").asString()).isEqualTo("revocation");
			assertThat(revocation.at("/metadata/subscription_type").asString()).isEqualTo("stream.online");
			assertThat(revocation.at("/payload/subscription/status").asString()).isEqualTo("authorization_revoked");
			assertThat(revocation.get("payload").has("event")).isFalse();
			assertThat(subscription(server, subscriptionId).status()).isEqualTo("authorization_revoked");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> server.eventSub().revoke(subscriptionId, "user_removed"));
		}
	}

	@Test
	void stopsAndResumesKeepalives() throws InterruptedException {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "9"), sessionId);
			server.eventSub().stopKeepalives(sessionId);
			// 2.5 keepalive intervals (10 x 100 ms each): with keepalives two would
			// come; without, at most one written before the stop.
			assertThat(socket.messagesWithin(Duration.ofMillis(2500))).hasSizeLessThanOrEqualTo(1);
			server.eventSub().resumeKeepalives(sessionId);
			assertThat(socket.next().at("/metadata/message_type").asString()).isEqualTo("session_keepalive");
		}
	}

	@Test
	void sendsRawFrames() {
		FakeTwitchServer server = twitch.server();
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			server.eventSub().sendRaw(sessionId, "not json");
			assertThat(socket.text()).isEqualTo("not json");
		}
	}

	private static URI withKeepalive(FakeTwitchServer server, String seconds) {
		return URI.create(server.eventSubUri() + "?keepalive_timeout_seconds=" + seconds);
	}

	static EventSubSubscription subscription(FakeTwitchServer server, String id) {
		return server.eventSub()
			.subscriptions()
			.stream()
			.filter((subscription) -> subscription.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

}
