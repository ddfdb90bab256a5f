package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.test.ConnectionInfo;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that stops reading one socket (its TCP buffers fill, the client's sends on it
 * can no longer complete) must hold up nothing else: the client's other socket keeps
 * listening and pinging on time, and the stalled socket is replaced once its backlog
 * passes its bound. The engine used to send with blocking writes under its lock, where
 * this froze every socket.
 */
@FakeTwitch
class StalledServerTest {

	@Test
	void aSocketTheServerStopsReadingDelaysNeitherAnotherSocketsListensNorItsPings(FakeTwitchServer server) {
		TwitchSetup setup = new TwitchSetup(server);
		Map<String, AccessToken> tokens = new HashMap<>(setup.channels(50, 5000, "bits:read"));
		tokens.put(MODERATOR, AccessToken.of(setup.moderatorToken.accessToken()));
		PubSubClient client = setup.client()
			.tokenProvider(StaticTokenProvider.forUsers(tokens))
			.pingFrequency(Duration.ofMillis(12_300))
			.pingJitter(Duration.ZERO)
			.build();
		client.start();
		try {
			// Fill the first socket, open a second, then empty the first but for one
			// topic.
			List<UUID> first = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				first.add(client.listenBits(String.valueOf(5000 + i), (id, bits) -> {
				}));
			}
			client.listenWhispers(MODERATOR, (id, whisper) -> {
			});
			await().until(() -> server.connections().size() == 2);
			first.subList(1, 50).forEach(client::unlisten);
			ConnectionInfo stalled = connectionWith(server, "channel-bits-events-v2.5000");
			ConnectionInfo healthy = connectionWith(server, "whispers." + MODERATOR);

			// The first socket's server stops reading, and the client piles frames onto
			// it.
			server.faults().stopReading(stalled.id());
			for (int i = 0; i < 49; i++) {
				client.listenUndocumentedTopicAsync("stuck-" + i + "." + "x".repeat(300_000), (id, message) -> {
				});
			}

			// The other socket carries on: a new topic is listened there at once...
			Instant before = Instant.now();
			client.listenChannelPoints(MODERATOR, (id, points) -> {
			});
			assertThat(connectionWith(server, "channel-points-channel-v1." + MODERATOR).id()).isEqualTo(healthy.id());
			// ...and it pings on time.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> lastPing(server, healthy.id()) != null && lastPing(server, healthy.id()).isAfter(before));
			// The stalled socket is dropped once its backlog passes the bound, and
			// replaced.
			await().until(() -> client.snapshot().counters().reconnects().containsKey("send_stalled"));
		}
		finally {
			client.stop();
		}
	}

	private static ConnectionInfo connectionWith(FakeTwitchServer server, String topic) {
		return server.connections()
			.stream()
			.filter((connection) -> connection.topics().contains(topic))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No connection listens to " + topic));
	}

	private static Instant lastPing(FakeTwitchServer server, String connectionId) {
		return server.connections()
			.stream()
			.filter((connection) -> connection.id().equals(connectionId))
			.map(ConnectionInfo::lastPingAt)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
