package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.ListenTimeoutException;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures a review of the engine found, each first shown by a failing test, kept so they
 * stay fixed.
 */
@FakeTwitch
class EngineRegressionTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	@Test
	void aSecondHandoverAfterAMergeThatNeverAlignedKeepsDelivering(FakeTwitchServer server) throws Exception {
		PubSubClient client = new TwitchSetup(server).client()
			.reconnectBackoff(Duration.ofMillis(1500), Duration.ofSeconds(3))
			.build();
		client.start();
		try {
			Received<PubSubMessage> received = new Received<>();
			client.listenRawAsync(Topic.parse(WHISPERS), received).get();
			server.publish(WHISPERS, "{\"n\":0}");
			received.awaitCount(1);

			// The replacement's LISTEN fails once and is retried 1.5 s later: meanwhile
			// only the old socket listens,
			// so its message is one the replacement never repeats, and the merge cannot
			// align.
			String first = server.connections().get(0).id();
			server.faults().failNextListens(1, "ERR_SERVER");
			server.faults().sendReconnect(first, null);
			await().until(() -> server.stats().responses().getOrDefault("ERR_SERVER", 0L) == 1);
			assertThat(server.publish(WHISPERS, "{\"n\":1}")).isEqualTo(1);
			received.awaitCount(2);
			await().until(() -> server.connections().size() == 1 && !server.connections().get(0).id().equals(first)
					&& server.connections().get(0).topics().size() == 1);

			String second = server.connections().get(0).id();
			server.faults().sendReconnect(second, null);
			await().until(() -> server.connections().size() == 1 && !server.connections().get(0).id().equals(second)
					&& server.connections().get(0).topics().size() == 1);
			await().until(() -> {
				server.publish(WHISPERS, "{\"n\":" + received.payloads.size() + "}");
				return received.payloads.size() >= 5;
			});
			assertThat(client.snapshot().counters().dropped()).doesNotContainKey("no_subscriber");
		}
		finally {
			client.stop();
		}
	}

	@Test
	void subscriptionsWhoseDeliveryStopCancelledStillDeliverAfterARestart(FakeTwitchServer server) throws Exception {
		PubSubClient client = new TwitchSetup(server).client().dispatchDrainTimeout(Duration.ofMillis(100)).build();
		client.start();
		int count = Math.max(2, Runtime.getRuntime().availableProcessors()) + 3;
		List<List<String>> seen = new ArrayList<>();
		CountDownLatch release = new CountDownLatch(1);
		for (int i = 0; i < count; i++) {
			List<String> mine = new CopyOnWriteArrayList<>();
			seen.add(mine);
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
				mine.add(message.text());
				if (message.text().contains("slow")) {
					release.await(2, TimeUnit.SECONDS);
				}
			}).get();
		}
		server.publish(WHISPERS, "{\"slow\":1}");
		await().until(() -> seen.stream().filter((messages) -> !messages.isEmpty()).count() >= 2);
		client.stop();
		release.countDown();
		client.start();
		try {
			await().until(() -> server.connections().size() == 1 && server.connections().get(0).topics().size() == 1);
			await().until(() -> {
				server.publish(WHISPERS, "{\"after\":1}");
				return seen.stream()
					.allMatch((messages) -> messages.stream().anyMatch((text) -> text.contains("after")));
			});
		}
		finally {
			client.stop();
		}
	}

	@Test
	void aListenThatCannotConnectFailsInTimeAndLeavesNoSubscription(FakeTwitchServer server) {
		PubSubClient client = new TwitchSetup(server).client().listenConfirmTimeout(Duration.ofSeconds(1)).build();
		client.start();
		try {
			server.faults().refuseConnections(Duration.ofMinutes(1));
			CompletableFuture<UUID> listen = client.listenRawAsync(Topic.parse(WHISPERS), new Received<>());
			assertThat(listen).failsWithin(Duration.ofSeconds(10))
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(ListenTimeoutException.class);
			assertThat(client.snapshot().topics()).isEmpty();
			assertThat(client.snapshot().connections()).isEmpty();
		}
		finally {
			server.faults().acceptConnections();
			client.stop();
		}
	}

	@Test
	void unlistenWhileItsListenIsUnderWayFreesTheTopicOnTheServer(FakeTwitchServer server) throws Exception {
		PubSubClient client = new TwitchSetup(server).client().topicsPerConnection(2).build();
		Topic first = Topic.parse(WHISPERS);
		Topic second = Topic.parse("channel-bits-events-v2." + BROADCASTER);
		Topic third = Topic.parse("channel-points-channel-v1." + BROADCASTER);
		client.listenRawAsync(first, new Received<>()).get();
		UUID secondId = client.listenRawAsync(second, new Received<>()).get();
		server.faults().delayResponses(Duration.ofMillis(500));
		client.start();
		try {
			await().until(() -> server.connections().size() == 1 && server.connections().get(0).topics().size() == 2);
			assertThat(client.unlisten(secondId)).isTrue();
			server.faults().clear();
			await().until(() -> !TwitchSetup.topicsOf(server).contains(second.value()));
			assertThat(client.listenRawAsync(third, new Received<>()).get(10, TimeUnit.SECONDS)).isNotNull();
			assertThat(TwitchSetup.topicsOf(server)).containsExactlyInAnyOrder(first.value(), third.value());
		}
		finally {
			client.stop();
		}
	}

	@Test
	void aProviderThatCompletesUnderItsOwnLockCannotDeadlockTheClient(FakeTwitchServer server) throws Exception {
		TwitchSetup setup = new TwitchSetup(server);
		AccessToken token = AccessToken.of(setup.broadcasterToken.accessToken());
		TwitchTokenProvider locking = new TwitchTokenProvider() {
			@Override
			public synchronized CompletionStage<AccessToken> token(String userId) {
				CompletableFuture<AccessToken> fetched = new CompletableFuture<>();
				Thread fetch = new Thread(() -> {
					synchronized (this) {
						fetched.complete(token);
					}
				}, "provider-fetch");
				fetch.setDaemon(true);
				fetch.start();
				return fetched;
			}
		};
		PubSubClient client = setup.client().tokenProvider(locking).build();
		client.start();
		try {
			List<CompletableFuture<UUID>> listens = new ArrayList<>();
			for (String topic : List.of(WHISPERS, "channel-bits-events-v2." + BROADCASTER,
					"channel-points-channel-v1." + BROADCASTER, "channel-subscribe-events-v1." + BROADCASTER)) {
				listens.add(client.listenRawAsync(Topic.parse(topic), new Received<>()));
			}
			CompletableFuture.allOf(listens.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
			assertThat(client.snapshot().topics()).hasSize(4);
		}
		finally {
			client.stop();
		}
	}

	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression
																			// deadlocks:
																			// fail, not
																			// hang
	void aHandlerOnTheReadingThreadMayAskTheClientWhileTopicsAreListenedAgain(FakeTwitchServer server) {
		PubSubClient client = new TwitchSetup(server).client().dispatchExecutor(Runnable::run).build();
		// snapshot() takes the pool's lock; a re-LISTEN holds it and takes the route's,
		// which a handler must
		// therefore never hold. A handler that takes a moment widens the window.
		assertEveryMessageArrivesAcrossHandovers(server, client, () -> {
			java.util.concurrent.locks.LockSupport.parkNanos(100_000);
			client.snapshot();
		});
	}

	@Test
	void messagesPublishedRightAfterEachOfSeveralReconnectsAllArrive(FakeTwitchServer server) {
		// Each burst reaches only the old socket, before the replacement listens: a timer
		// left from one handover
		// once switched the next one to its replacement too early, and the old socket's
		// messages were lost.
		PubSubClient client = new TwitchSetup(server).client().build();
		assertEveryMessageArrivesAcrossHandovers(server, client, () -> {
		});
	}

	@Test
	void reconnectsInQuickSuccessionLoseNothing(FakeTwitchServer server) {
		// A RECONNECT for the replacement while a handover is under way once closed the
		// old socket at once,
		// before the replacement listened: nothing listened in between.
		PubSubClient client = new TwitchSetup(server).client().build();
		client.start();
		try {
			List<String> texts = new CopyOnWriteArrayList<>();
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> texts.add(message.text())).join();
			List<String> published = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				server.faults().sendReconnect(null);
				for (int i = 0; i < 100; i++) {
					String text = "{\"round\":" + round + ",\"n\":" + i + "}";
					server.publish(WHISPERS, text);
					published.add(text);
				}
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> texts.size() >= published.size());
			assertThat(texts).containsExactlyElementsOf(published);
		}
		finally {
			client.stop();
		}
	}

	private static void assertEveryMessageArrivesAcrossHandovers(FakeTwitchServer server, PubSubClient client,
			Runnable inHandler) {
		client.start();
		try {
			List<String> texts = new CopyOnWriteArrayList<>();
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
				inHandler.run();
				texts.add(message.text());
			}).join();
			List<String> published = new ArrayList<>();
			for (int round = 0; round < 5; round++) {
				String old = server.connections().get(0).id();
				server.faults().sendReconnect(null);
				for (int i = 0; i < 200; i++) {
					String text = "{\"round\":" + round + ",\"n\":" + i + "}";
					server.publish(WHISPERS, text);
					published.add(text);
				}
				// The next RECONNECT once this handover is over, as Twitch would send it.
				await().until(() -> server.connections().size() == 1 && !server.connections().get(0).id().equals(old)
						&& server.connections().get(0).topics().size() == 1);
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> texts.size() >= published.size());
			assertThat(texts).as("every message once, in order").containsExactlyElementsOf(published);
			assertThat(client.isConnected()).isTrue();
		}
		finally {
			client.stop();
		}
	}

	@Test
	void aHandlerStillRunningFromBeforeAStopNeverRunsTwiceAtOnceAfterTheStart(FakeTwitchServer server)
			throws Exception {
		java.util.concurrent.ExecutorService application = java.util.concurrent.Executors.newFixedThreadPool(4);
		PubSubClient client = new TwitchSetup(server).client()
			.dispatchExecutor(application)
			.dispatchDrainTimeout(Duration.ofMillis(100))
			.build();
		CountDownLatch release = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
		List<String> handled = new CopyOnWriteArrayList<>();
		client.start();
		try {
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					if (message.text().contains("first")) {
						release.await(20, TimeUnit.SECONDS);
					}
					handled.add(message.text());
				}
				finally {
					running.decrementAndGet();
				}
			}).get();
			server.publish(WHISPERS, "{\"first\":1}");
			await().until(() -> running.get() == 1);
			client.stop();
			client.start();
			await().until(() -> server.connections().size() == 1 && server.connections().get(0).topics().size() == 1);
			for (int i = 0; i < 20; i++) {
				server.publish(WHISPERS, "{\"after\":" + i + "}");
			}
			release.countDown();
			await().until(() -> handled.size() == 21);
			assertThat(mostAtOnce.get()).as("one subscription's handler runs one message at a time").isEqualTo(1);
			assertThat(handled.subList(1, 21)).containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, 20).mapToObj((i) -> "{\"after\":" + i + "}").toList());
		}
		finally {
			release.countDown();
			client.stop();
			application.shutdownNow();
		}
	}

	@Test
	void aTopicListenedBeforeTheStartIsRetriedWhenItsFirstListenGoesUnanswered(FakeTwitchServer server) {
		PubSubClient client = new TwitchSetup(server).client().listenConfirmTimeout(Duration.ofMillis(500)).build();
		Received<PubSubMessage> received = new Received<>();
		// Nobody waits for this subscription (as with declarative listeners): it must not
		// fail for good.
		client.listenRawAsync(Topic.parse(WHISPERS), received).join();
		server.faults().withholdResponses(true);
		client.start();
		try {
			await().until(() -> client.snapshot().counters().listenResults().getOrDefault("timeout", 0L) >= 1);
			server.faults().withholdResponses(false);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> client.snapshot().topics().get(0).state() == io.github.twitchjvm.pubsub.TopicState.ACTIVE);
			server.publish(WHISPERS, "{\"after\":true}");
			received.awaitCount(1);
		}
		finally {
			client.stop();
		}
	}

}
