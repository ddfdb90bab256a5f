package io.github.twitchjvm.pubsub.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At most 50 topics per socket: 120 topics take three sockets, and unlistening brings
 * them back to one.
 */
@FakeTwitch
class ShardingTest {

	@Test
	void spreadsTopicsOverSocketsAndClosesEmptiedOnes(FakeTwitchServer server) {
		TwitchSetup setup = new TwitchSetup(server);
		Map<String, AccessToken> tokens = setup.channels(120, 100_000, "bits:read");
		List<String> channels = new ArrayList<>(tokens.keySet());
		PubSubClient client = setup.client().tokenProvider(StaticTokenProvider.forUsers(tokens)).build();
		client.start();
		try {
			List<UUID> ids = new ArrayList<>();
			List<java.util.concurrent.CompletableFuture<UUID>> pending = new ArrayList<>();
			for (String channel : channels) {
				pending.add(client.listenBitsAsync(channel, new Received<>()));
			}
			pending.forEach((future) -> ids.add(future.join()));
			assertThat(server.connections()).hasSize(3);
			assertThat(server.connections()).extracting((connection) -> connection.topics().size())
				.containsExactlyInAnyOrder(50, 50, 20);
			assertThat(client.snapshot().connections()).hasSize(3);

			// The first 100 topics filled the first two sockets; unlistening them empties
			// those sockets.
			ids.subList(0, 100).forEach(client::unlisten);
			await().until(() -> server.connections().size() == 1);
			assertThat(server.connections().get(0).topics()).hasSize(20);
			assertThat(client.snapshot().connections()).hasSize(1);
			assertThat(client.snapshot().topics()).hasSize(20);
		}
		finally {
			client.stop();
		}
	}

}
