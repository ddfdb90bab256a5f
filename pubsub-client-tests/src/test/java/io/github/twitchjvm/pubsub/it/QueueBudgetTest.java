package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Memory held for handlers is bounded in bytes, over a real socket: a default client
 * keeps a whole burst for a fast handler, a slow handler of large messages never holds
 * more than its bound, and pausing the reading loses nothing.
 */
@FakeTwitch
class QueueBudgetTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	@Test
	void aBurstOf100000MessagesOf1KbReachesAFastHandlerWholeWithDefaultSettings(FakeTwitchServer server)
			throws Exception {
		PubSubClient client = new TwitchSetup(server).client().build();
		client.start();
		try {
			AtomicLong delivered = new AtomicLong();
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> delivered.incrementAndGet()).get();
			String kilobyte = "{\"pad\":\"" + "x".repeat(990) + "\"}";
			server.burst(WHISPERS, 100_000, kilobyte);

			await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == 100_000);
			ClientSnapshot snapshot = client.snapshot();
			assertThat(snapshot.counters().dropped()).isEmpty();
			assertThat(snapshot.counters().messagesReceived()).isEqualTo(100_000);
		}
		finally {
			client.stop();
		}
	}

	@Test
	void aSlowHandlerOfLargeMessagesHoldsNoMoreThanItsBound(FakeTwitchServer server) throws Exception {
		long bound = 4L << 20;
		PubSubClient client = new TwitchSetup(server).client().maxQueuedBytes(2 * bound).build();
		client.start();
		CountDownLatch release = new CountDownLatch(1);
		try {
			AtomicLong delivered = new AtomicLong();
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
				release.await(30, TimeUnit.SECONDS);
				delivered.incrementAndGet();
			}).get();
			String halfMegabyte = "{\"pad\":\"" + "x".repeat(512 * 1024) + "\"}";
			LongAccumulator mostQueued = new LongAccumulator(Math::max, 0);
			for (int i = 0; i < 40; i++) {
				server.publish(WHISPERS, halfMegabyte);
				// One at a time: the server, like Twitch, drops a client that lets 30
				// published messages pile up unread, and 20 MB take a moment.
				long received = i + 1;
				await().until(() -> {
					mostQueued.accumulate(client.snapshot().queuedBytes());
					return client.snapshot().counters().messagesReceived() == received;
				});
			}
			await().until(() -> client.snapshot().counters().dropped().getOrDefault("queue_full", 0L) >= 32);

			// Half of the client's bound per subscription; a snapshot may see the message
			// being added before the oldest makes room for it.
			long oneMessage = halfMegabyte.length() + 128;
			assertThat(mostQueued.get()).as("half of the client's bound, per subscription")
				.isLessThanOrEqualTo(bound + oneMessage);
			release.countDown();
			await().until(() -> client.snapshot().queuedBytes() == 0);
			assertThat(delivered.get()).isBetween(1L, 8L);
			assertThat(client.isConnected()).as("the socket kept reading").isTrue();
		}
		finally {
			release.countDown();
			client.stop();
		}
	}

	@Test
	void pauseReadingKeepsEveryMessageOfABurstToASlowHandler(FakeTwitchServer server) throws Exception {
		PubSubClient client = new TwitchSetup(server).client()
			.maxMessageSize(8192)
			// A pause takes effect within a few messages: room for several of them.
			.maxQueuedBytesPerSubscription(64 * 1024)
			.overflow(OverflowPolicy.PAUSE_READING)
			.build();
		client.start();
		CountDownLatch release = new CountDownLatch(1);
		try {
			Received<PubSubMessage> received = new Received<>();
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
				release.await(30, TimeUnit.SECONDS);
				received.handle(id, message);
			}).get();
			CompletableFuture<?> burst = CompletableFuture.runAsync(() -> server.burst(WHISPERS, 5_000,
					(i) -> "{\"seq\":" + i + ",\"pad\":\"" + "x".repeat(980) + "\"}"));
			await().until(() -> client.snapshot().readingPaused());
			assertThat(client.snapshot().queuedBytes()).as("the rest waits in the network, not in the heap")
				.isLessThanOrEqualTo(2 * 64 * 1024 + 1200);

			release.countDown();
			burst.get(60, TimeUnit.SECONDS);
			List<PubSubMessage> messages = received.awaitCount(5_000);
			for (int i = 0; i < 5_000; i++) {
				assertThat(messages.get(i).json().get("seq").asInt()).isEqualTo(i);
			}
			ClientSnapshot snapshot = client.snapshot();
			assertThat(snapshot.counters().dropped()).isEmpty();
			assertThat(snapshot.counters().readingPauses()).isPositive();
			assertThat(snapshot.readingPaused()).isFalse();
			assertThat(server.connections()).hasSize(1);
		}
		finally {
			release.countDown();
			client.stop();
		}
	}

}
