package io.github.twitchjvm.pubsub.it;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery: in order per subscription, off the socket thread, and robust against slow,
 * failing and bad input.
 */
@FakeTwitch
class DispatchTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	private static final String BITS = "channel-bits-events-v2." + BROADCASTER;

	private FakeTwitchServer server;

	private PubSubClient client;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.client = new TwitchSetup(server).client().build();
		this.client.start();
	}

	@AfterEach
	void tearDown() {
		if (this.client.isRunning()) {
			this.client.stop();
		}
	}

	@Test
	void deliversInOrderPerSubscriptionUnderLoad() throws Exception {
		Received<PubSubMessage> first = new Received<>();
		Received<PubSubMessage> second = new Received<>();
		PubSubClient roomy = new TwitchSetup(this.server).client().build();
		roomy.start();
		try {
			roomy.listenRawAsync(Topic.parse(WHISPERS), first).get();
			roomy.listenRawAsync(Topic.parse(WHISPERS), second).get();
			this.server.burst(WHISPERS, 5_000, (i) -> "{\"seq\":" + i + "}");
			for (Received<PubSubMessage> received : List.of(first, second)) {
				received.awaitCount(5_000);
				for (int i = 0; i < 5_000; i++) {
					assertThat(received.payloads.get(i).json().get("seq").asInt()).isEqualTo(i);
				}
			}
		}
		finally {
			roomy.stop();
		}
	}

	@Test
	void aSlowHandlerLosesItsOldestMessagesAndTheSocketKeepsReading() throws Exception {
		this.client.stop();
		// Room for about 60 of this test's messages (137 bytes each) in one subscription.
		this.client = new TwitchSetup(this.server).client()
			.maxMessageSize(8192)
			.maxQueuedBytesPerSubscription(8192 + 128)
			.build();
		this.client.start();
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger slowSeen = new AtomicInteger();
		this.client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
			release.await(20, TimeUnit.SECONDS);
			slowSeen.incrementAndGet();
		}).get();
		Received<PubSubMessage> fast = new Received<>();
		this.client.listenRawAsync(Topic.parse(BITS), fast).get();

		for (int i = 0; i < 200; i++) {
			this.server.publish(WHISPERS, "{\"seq\":" + i + "}");
		}
		this.server.publish(BITS, "{\"after\":true}");
		assertThat(fast.awaitCount(1)).as("another subscription is not held up").hasSize(1);
		await().until(() -> this.client.snapshot().counters().dropped().getOrDefault("queue_full", 0L) >= 130);
		release.countDown();
		await().until(() -> slowSeen.get() >= 50);
		assertThat(this.client.isConnected()).isTrue();
		assertThat(this.server.connections()).hasSize(1);
	}

	@Test
	void aThrowingHandlerIsCountedAndDeliveryGoesOn() {
		AtomicInteger calls = new AtomicInteger();
		UUID id = this.client.listenWhispers(BROADCASTER, (subscription, event) -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("boom");
			}
		});
		assertThat(id).isNotNull();
		this.server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1\\\"}\"}");
		this.server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"2\\\"}\"}");
		await().until(() -> calls.get() == 2);
		assertThat(this.client.snapshot().counters().handlerErrors()).isEqualTo(1);
		assertThat(this.client.snapshot().counters().messagesDelivered()).isEqualTo(1);
	}

	@Test
	void badInputIsCountedAndTheConnectionKept() {
		Received<WhisperEvent> whispers = new Received<>();
		this.client.listenWhispers(BROADCASTER, whispers);
		this.server.faults().sendRaw(null, "{not json");
		this.server.faults().sendRaw(null, "{\"type\":\"SURPRISE\"}");
		this.server.faults().sendRaw(null, "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\"}}");
		this.server.publish(WHISPERS, "{\"type\":\"whisper_received\",\"data\":\"{broken\"}");
		this.server.faults()
			.sendRaw(null, "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.999\",\"message\":\"{}\"}}");
		this.server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"ok\\\"}\"}");
		assertThat(whispers.awaitCount(1).get(0)).isInstanceOf(WhisperEvent.ThreadUpdate.class);
		await().until(() -> this.client.snapshot().counters().badFrames() == 3);
		assertThat(this.client.snapshot().counters().dropped()).containsEntry("decode_error", 1L)
			.containsEntry("no_subscriber", 1L);
		assertThat(this.client.isConnected()).isTrue();
		assertThat(this.client.snapshot().counters().reconnects()).isEmpty();
	}

	@Test
	void carriesMessagesLargerThanTomcatsDefaultLimit() {
		Received<PubSubMessage> raw = new Received<>();
		this.client.listenRawAsync(Topic.parse(WHISPERS), raw).join();
		String body = "x".repeat(100_000);
		this.server.publish(WHISPERS, "{\"body\":\"" + body + "\"}");
		assertThat(raw.awaitCount(1).get(0).json().get("body").asString()).hasSize(100_000);
		assertThat(this.client.snapshot().counters().reconnects()).isEmpty();
	}

	@Test
	void dropsAMessageOverTheSizeLimitAndKeepsTheConnection() {
		PubSubClient small = new TwitchSetup(this.server).client().maxMessageSize(20_000).build();
		small.start();
		try {
			Received<PubSubMessage> raw = new Received<>();
			small.listenRawAsync(Topic.parse(BITS), raw).join();
			this.server.publish(BITS, "{\"body\":\"" + "y".repeat(50_000) + "\"}");
			this.server.publish(BITS, "{\"after\":true}");
			assertThat(raw.awaitCount(1).get(0).json().has("after")).isTrue();
			assertThat(small.snapshot().counters().badFrames()).isEqualTo(1);
			assertThat(small.snapshot().counters().reconnects()).isEmpty();
		}
		finally {
			small.stop();
		}
	}

	@Test
	void handlersNeverRunOnTheSocketThread() {
		Received<PubSubMessage> raw = new Received<>();
		this.client.listenRawAsync(Topic.parse(WHISPERS), raw).join();
		this.server.publish(WHISPERS, "{}");
		raw.awaitCount(1);
		assertThat(raw.threads).allSatisfy((thread) -> assertThat(thread).startsWith("pubsub-dispatch-"));
	}

	@Test
	void handlersRunOnAChosenExecutorThatStopLeavesRunning() throws Exception {
		ExecutorService chosen = Executors.newSingleThreadExecutor((task) -> new Thread(task, "app-handlers"));
		PubSubClient custom = new TwitchSetup(this.server).client().dispatchExecutor(chosen).build();
		custom.start();
		try {
			Received<PubSubMessage> raw = new Received<>();
			custom.listenRawAsync(Topic.parse(WHISPERS), raw).join();
			for (int i = 0; i < 100; i++) {
				this.server.publish(WHISPERS, "{\"seq\":" + i + "}");
			}
			raw.awaitCount(100);
			assertThat(raw.threads).containsOnly("app-handlers");
			assertThat(raw.payloads).extracting((message) -> message.json().get("seq").asInt())
				.containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
			custom.stop();
			assertThat(chosen.isShutdown()).as("an executor the application gave is the application's to stop")
				.isFalse();
		}
		finally {
			chosen.shutdownNow();
		}
	}

	@Test
	void aDirectExecutorRunsHandlersOnTheReadingThreadInOrder() {
		PubSubClient direct = new TwitchSetup(this.server).client().dispatchExecutor(Runnable::run).build();
		direct.start();
		try {
			Received<WhisperEvent> typed = new Received<>();
			direct.listenWhispersAsync(BROADCASTER, typed).join();
			for (int i = 0; i < 100; i++) {
				this.server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_" + i + "\\\"}\"}");
			}
			typed.awaitCount(100);
			assertThat(typed.threads).noneMatch((thread) -> thread.startsWith("pubsub-dispatch-"));
			assertThat(typed.payloads).extracting((event) -> ((WhisperEvent.ThreadUpdate) event).id())
				.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "1_" + i).toList());
		}
		finally {
			direct.stop();
		}
	}

}
