package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code session_reconnect}: the same session id on the new socket, subscriptions moved,
 * the old socket silent after the new welcome and closed with 4004, 4007 for a used or
 * unknown URL.
 */
class EventSubReconnectTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder().reconnectGracePeriod(Duration.ofMillis(500)).build())
		.build());

	@Test
	void theReconnectUrlNamesTheHostTheClientConnectedTo() {
		// Behind a container's port mapping the client knows the server by an address the
		// server cannot know; Twitch's reconnect URL, too, names the host the client
		// uses.
		FakeTwitchServer server = twitch.server();
		URI asLocalhost = URI.create("ws://localhost:" + server.port() + "/ws");
		try (EventSubTestSocket socket = EventSubTestSocket.connect(asLocalhost)) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			URI url = server.eventSub().reconnect(sessionId);
			assertThat(url.getAuthority()).isEqualTo("localhost:" + server.port());
			assertThat(socket.nextSkippingKeepalives().at("/payload/session/reconnect_url").asString())
				.isEqualTo(url.toString());
			try (EventSubTestSocket moved = EventSubTestSocket.connect(url)) {
				assertThat(moved.next().at("/payload/session/id").asString()).isEqualTo(sessionId);
			}
		}
	}

	@Test
	void movesTheSessionToTheReconnectUrl() throws InterruptedException {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket old = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = old.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "1"),
					sessionId);

			URI url = server.eventSub().reconnect(sessionId);
			JsonNode reconnect = old.nextSkippingKeepalives();
			assertThat(reconnect.at("/metadata/message_type").asString()).isEqualTo("session_reconnect");
			JsonNode session = reconnect.at("/payload/session");
			assertThat(session.propertyNames()).containsExactly("id", "status", "keepalive_timeout_seconds",
					"reconnect_url", "connected_at");
			assertThat(session.get("id").asString()).isEqualTo(sessionId);
			assertThat(session.get("status").asString()).isEqualTo("reconnecting");
			assertThat(session.get("keepalive_timeout_seconds").isNull()).isTrue();
			assertThat(session.get("reconnect_url").asString()).isEqualTo(url.toString());

			// The old socket receives until the new socket's welcome.
			String beforeMove = server.eventSub().publish(subscriptionId, "{}");
			assertThat(old.nextSkippingKeepalives().at("/metadata/message_id").asString()).isEqualTo(beforeMove);

			try (EventSubTestSocket moved = EventSubTestSocket.connect(url)) {
				JsonNode welcome = moved.next();
				assertThat(welcome.at("/metadata/message_type").asString()).isEqualTo("session_welcome");
				assertThat(welcome.at("/payload/session/id").asString()).as("Twitch keeps the session id")
					.isEqualTo(sessionId);

				String afterMove = server.eventSub().publish(subscriptionId, "{}");
				JsonNode notification = moved.nextSkippingKeepalives();
				assertThat(notification.at("/metadata/message_id").asString()).isEqualTo(afterMove);
				assertThat(notification.at("/payload/subscription/transport/session_id").asString())
					.isEqualTo(sessionId);

				assertThat(old.awaitClose()).as("the client never closed the old socket").isEqualTo(4004);
				assertThat(old.closeReason()).isEqualTo("reconnect grace time expired");
				assertThat(old.messagesWithin(Duration.ZERO)).as("nothing after the new welcome")
					.allSatisfy((text) -> assertThat(text).doesNotContain("\"notification\""));
				assertThat(EventSubSocketTest.subscription(server, subscriptionId).status()).isEqualTo("enabled");
				assertThat(server.eventSub().sessions()).filteredOn((known) -> known.id().equals(sessionId))
					.singleElement()
					.satisfies((known) -> assertThat(known.status()).isEqualTo("connected"));
				assertThat(helix.create("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId).status())
					.as("re-creating after a reconnect")
					.isEqualTo(409);
			}
		}
	}

	@Test
	void closesAUsedOrUnknownReconnectUrlWith4007() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket old = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = old.next().at("/payload/session/id").asString();
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "2"), sessionId);
			URI url = server.eventSub().reconnect(sessionId);
			try (EventSubTestSocket moved = EventSubTestSocket.welcomed(url);
					EventSubTestSocket again = EventSubTestSocket.connect(url);
					EventSubTestSocket unknown = EventSubTestSocket
						.connect(URI.create(server.eventSubUri() + "?reconnect=nothing"))) {
				assertThat(again.awaitClose()).isEqualTo(4007);
				assertThat(again.closeReason()).isEqualTo("invalid reconnect");
				assertThat(unknown.awaitClose()).isEqualTo(4007);
				assertThat(moved.isClosed()).isFalse();
			}
		}
	}

	@Test
	void aClientThatNeverReconnectsLosesItsSubscriptions() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket old = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = old.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "3"),
					sessionId);
			URI url = server.eventSub().reconnect(sessionId);
			assertThat(old.awaitClose()).isEqualTo(4004);
			await().untilAsserted(() -> assertThat(EventSubSocketTest.subscription(server, subscriptionId).status())
				.isEqualTo("websocket_failed_to_reconnect"));
			try (EventSubTestSocket late = EventSubTestSocket.connect(url)) {
				assertThat(late.awaitClose()).as("the URL died with its session").isEqualTo(4007);
			}
		}
	}

	@Test
	void closingTheOldSocketAfterTheMoveKeepsTheSubscriptions() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		try (EventSubTestSocket old = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = old.next().at("/payload/session/id").asString();
			String subscriptionId = helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "4"),
					sessionId);
			URI url = server.eventSub().reconnect(sessionId);
			try (EventSubTestSocket moved = EventSubTestSocket.welcomed(url)) {
				old.closeNormally();
				assertThat(old.awaitClose()).isEqualTo(1000);
				String messageId = server.eventSub().publish(subscriptionId, "{}");
				assertThat(moved.nextSkippingKeepalives().at("/metadata/message_id").asString()).isEqualTo(messageId);
				assertThat(EventSubSocketTest.subscription(server, subscriptionId).status()).isEqualTo("enabled");
			}
		}
	}

}
