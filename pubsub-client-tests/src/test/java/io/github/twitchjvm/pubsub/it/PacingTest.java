package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.ReceivedFrame;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LISTENs are paced, first listens and re-listens after reconnects alike; and the
 * client's threads do not grow with its sockets.
 */
@FakeTwitch
class PacingTest {

	@Test
	void spreadsListensAtTheConfiguredRateAndKeepsTheThreadCountFlat(FakeTwitchServer server) {
		TwitchSetup setup = new TwitchSetup(server);
		Map<String, AccessToken> tokens = setup.channels(30, 200_000, "bits:read");
		List<String> channels = new ArrayList<>(tokens.keySet());
		PubSubClient client = setup.client()
			.tokenProvider(StaticTokenProvider.forUsers(tokens))
			.listensPerSecond(10)
			.topicsPerConnection(3)
			.build();
		client.start();
		try {
			client.listenBits(channels.get(0), new Received<>());
			int threadsWithOneSocket = TwitchSetup.clientThreads().size();

			List<CompletableFuture<?>> pending = new ArrayList<>();
			channels.subList(1, 30)
				.forEach((channel) -> pending.add(client.listenBitsAsync(channel, new Received<>())));
			pending.forEach(CompletableFuture::join);
			assertThat(server.connections()).hasSize(10);
			List<Instant> listens = server.receivedFrames()
				.stream()
				.filter((frame) -> frame.text().contains("\"LISTEN\""))
				.map(ReceivedFrame::receivedAt)
				.sorted()
				.toList();
			assertThat(listens).hasSize(30);
			// 10 per second with a second's worth at once: the 30th LISTEN cannot come
			// before about 2 s.
			assertThat(Duration.between(listens.get(0), listens.get(29))).isGreaterThan(Duration.ofMillis(1500));
			// A thread per socket would make 10 or more; the client's own are fixed
			// (timer, connect pool, dispatch
			// pool) and Tomcat's I/O group starts with one per core.
			int cores = Runtime.getRuntime().availableProcessors();
			assertThat(TwitchSetup.clientThreads()).as("threads with 10 sockets (%s with one)", threadsWithOneSocket)
				.hasSizeLessThanOrEqualTo(1 + 2 + Math.max(2, cores) + cores + 1);

			server.reset();
			server.faults().drop(null);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> server.receivedFrames()
					.stream()
					.filter((frame) -> frame.text().contains("\"LISTEN\""))
					.count() == 30);
			List<Instant> relistens = server.receivedFrames()
				.stream()
				.filter((frame) -> frame.text().contains("\"LISTEN\""))
				.map(ReceivedFrame::receivedAt)
				.sorted()
				.toList();
			assertThat(Duration.between(relistens.get(0), relistens.get(29))).isGreaterThan(Duration.ofMillis(1500));
		}
		finally {
			client.stop();
		}
	}

}
