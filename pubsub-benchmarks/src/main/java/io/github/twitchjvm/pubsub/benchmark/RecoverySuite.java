package io.github.twitchjvm.pubsub.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.ConnectionInfo;
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * Measurement 4: RECONNECT to every socket while the server publishes a numbered stream
 * to every topic: time until every topic is listened on the replacement sockets, and
 * messages lost and duplicated (both must be 0). Then an abrupt drop of every socket: for
 * each socket the time until its replacement is open, and the time until every topic is
 * ACTIVE again (messages published while a socket is down are gone by the protocol's
 * design, PubSub never replays, so they are not counted).
 */
final class RecoverySuite {

	private final BenchmarkConfig config;

	RecoverySuite(BenchmarkConfig config) {
		this.config = config;
	}

	/**
	 * @param reconnects per dropped socket, the time from the drop until its replacement
	 * was open at the server
	 */
	record Result(int topics, int sockets, long published, Duration reconnectHandover, long lost, long duplicated,
			Duration dropRecovery, List<Duration> reconnects) {
	}

	/**
	 * The rounds, as medians and spreads; losses and duplicates summed over all rounds.
	 */
	record Summary(int topics, int sockets, int rounds, long published, Stats handoverMillis, long lost,
			long duplicated, Stats dropRecoveryMillis, Stats reconnectMillis) {
	}

	Summary runRounds() throws Exception {
		List<Result> rounds = new ArrayList<>();
		for (int round = 0; round < this.config.suiteRounds(); round++) {
			rounds.add(run());
		}
		Result first = rounds.get(0);
		return new Summary(first.topics(), first.sockets(), rounds.size(),
				rounds.stream().mapToLong(Result::published).sum(),
				Stats.of(rounds.stream().map((r) -> (double) r.reconnectHandover().toMillis()).toList()),
				rounds.stream().mapToLong(Result::lost).sum(), rounds.stream().mapToLong(Result::duplicated).sum(),
				Stats.of(rounds.stream().map((r) -> (double) r.dropRecovery().toMillis()).toList()),
				Stats.of(rounds.stream()
					.flatMap((r) -> r.reconnects().stream())
					.map((reconnect) -> reconnect.toNanos() / 1e6)
					.toList()));
	}

	Result run() throws Exception {
		int topicCount = this.config.recoveryTopics();
		// Default settings but for the connection limit and the listen pace, which let
		// hundreds of topics listen quickly.
		try (FakeTwitchServer server = FakeTwitchServer
			.start(FakeServerSettings.builder().controlPort(-1).reconnectGracePeriod(Duration.ofSeconds(30)).build())) {
			Map<String, AccessToken> tokens = new LinkedHashMap<>();
			List<String> topics = new ArrayList<>();
			for (int i = 0; i < topicCount; i++) {
				String channel = String.valueOf(2_000_000 + i);
				server.accounts().registerUser(channel, "recovery" + i);
				tokens.put(channel,
						AccessToken.of(server.accounts().issueToken(channel, List.of("bits:read")).accessToken()));
				topics.add(TopicType.BITS_V2.topic(channel).value());
			}
			PubSubClient client = PubSubClient.builder()
				.uri(server.pubSubUri())
				.tokenProvider(StaticTokenProvider.forUsers(tokens))
				.maxConnections((topicCount + 49) / 50)
				.listensPerSecond(5_000)
				.build();
			client.start();
			Map<String, List<Integer>> received = new ConcurrentHashMap<>();
			try {
				List<CompletableFuture<?>> confirmations = new ArrayList<>();
				for (String topic : topics) {
					List<Integer> sequence = java.util.Collections.synchronizedList(new ArrayList<>());
					received.put(topic, sequence);
					confirmations.add(client.listenRawAsync(Topic.parse(topic),
							(subscription, message) -> sequence.add(message.json().get("seq").asInt())));
				}
				confirmations.forEach(CompletableFuture::join);

				AtomicBoolean publishing = new AtomicBoolean(true);
				int[] next = new int[topicCount];
				Thread publisher = new Thread(() -> {
					while (publishing.get()) {
						for (int i = 0; i < topicCount && publishing.get(); i++) {
							server.publish(topics.get(i), "{\"seq\":" + next[i]++ + "}");
						}
						// About 2,000 messages a second over all topics.
						LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1) * topicCount / 2_000);
					}
				}, "benchmark-publisher");
				publisher.start();
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));

				Set<String> before = server.connections().stream().map(ConnectionInfo::id).collect(Collectors.toSet());
				long start = System.nanoTime();
				server.faults().sendReconnect(null);
				await(() -> server.connections().stream().noneMatch((connection) -> before.contains(connection.id()))
						&& server.connections()
							.stream()
							.mapToInt((connection) -> connection.topics().size())
							.sum() == topicCount);
				Duration handover = Duration.ofNanos(System.nanoTime() - start);
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
				publishing.set(false);
				publisher.join();
				long published = 0;
				for (int i = 0; i < topicCount; i++) {
					published += next[i];
				}
				long expected = published;
				await(() -> received.values().stream().mapToLong(List::size).sum() >= expected);
				long lost = 0;
				long duplicated = 0;
				for (int i = 0; i < topicCount; i++) {
					List<Integer> sequence = received.get(topics.get(i));
					Set<Integer> distinct;
					synchronized (sequence) {
						distinct = Set.copyOf(sequence);
						duplicated += sequence.size() - distinct.size();
					}
					lost += next[i] - distinct.size();
				}

				Set<String> dropped = server.connections().stream().map(ConnectionInfo::id).collect(Collectors.toSet());
				Instant dropAt = Instant.now();
				long dropStart = System.nanoTime();
				server.faults().drop(null);
				await(() -> !client.isConnected()
						|| client.snapshot().topics().stream().anyMatch((topic) -> topic.state() != TopicState.ACTIVE));
				await(() -> client.isConnected()
						&& client.snapshot().topics().stream().allMatch((topic) -> topic.state() == TopicState.ACTIVE));
				Duration dropRecovery = Duration.ofNanos(System.nanoTime() - dropStart);
				List<Duration> reconnects = server.connections()
					.stream()
					.filter((connection) -> !dropped.contains(connection.id()))
					.map((connection) -> Duration.between(dropAt, connection.connectedAt()))
					.toList();
				return new Result(topicCount, client.snapshot().connections().size(), published, handover, lost,
						duplicated, dropRecovery, reconnects);
			}
			finally {
				client.stop();
			}
		}
	}

	private static void await(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Recovery did not finish within 2 minutes");
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
	}

}
