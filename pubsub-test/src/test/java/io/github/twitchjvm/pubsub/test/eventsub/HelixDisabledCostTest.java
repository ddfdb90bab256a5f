package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code disabledSubscriptionsCost}: the field report that a lost session's subscriptions
 * still count against {@code max_total_cost} for a while.
 */
class HelixDisabledCostTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder().disabledSubscriptionsCost(true).limits(300, 3, 2).build())
		.build());

	@Test
	void aLostSessionsSubscriptionsStillCost() {
		FakeTwitchServer server = twitch.server();
		Helix helix = Helix.forNewUser(server);
		String oldSession;
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			oldSession = socket.next().at("/payload/session/id").asString();
			helix.subscribe("stream.online", "1", Map.of("broadcaster_user_id", "1"), oldSession);
			helix.subscribe("stream.offline", "1", Map.of("broadcaster_user_id", "1"), oldSession);
			server.eventSub().dropTcp(oldSession);
			socket.awaitClose();
		}
		await().until(() -> server.eventSub()
			.sessions()
			.stream()
			.noneMatch((session) -> session.id().equals(oldSession) && session.isConnected()));
		try (EventSubTestSocket socket = EventSubTestSocket.connect(server.eventSubUri())) {
			String sessionId = socket.next().at("/payload/session/id").asString();
			helix.create("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId)
				.isError(429, "Too Many Requests", "total cost");
			assertThat(helix.get("").body().get("total_cost").intValue()).isEqualTo(2);
			for (var subscription : server.eventSub().subscriptions()) {
				if (subscription.sessionId().equals(oldSession)) {
					assertThat(helix.delete(subscription.id()).status()).isEqualTo(204);
				}
			}
			assertThat(helix.create("stream.online", "1", Map.of("broadcaster_user_id", "1"), sessionId).status())
				.as("deleting the stale ones frees the budget")
				.isEqualTo(202);
		}
	}

}
