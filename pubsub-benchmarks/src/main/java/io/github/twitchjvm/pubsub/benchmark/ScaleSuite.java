package io.github.twitchjvm.pubsub.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;

/**
 * Measurement 3: many topics, 50 per socket (the connection limit raised for the run):
 * time until all are ACTIVE, heap retained per topic and threads used. From the benchmark
 * jar the fake server runs in a JVM of its own, so the heap figure is the client's alone;
 * elsewhere (the smoke test) it runs in-process and the figure includes it.
 */
final class ScaleSuite {

	private final BenchmarkConfig config;

	ScaleSuite(BenchmarkConfig config) {
		this.config = config;
	}

	record Result(int topics, int sockets, Duration untilActive, double heapBytesPerTopic, int clientThreads,
			String threadCensus, boolean serverOutOfProcess) {
	}

	/** The rounds of one size, as medians and spreads. */
	record Summary(int topics, int sockets, Stats untilActiveMillis, Stats heapBytesPerTopic, Stats clientThreads,
			String lastCensus, boolean serverOutOfProcess) {

		static Summary of(List<Result> rounds) {
			Result first = rounds.get(0);
			return new Summary(first.topics(), first.sockets(),
					Stats.of(rounds.stream().map((r) -> (double) r.untilActive().toMillis()).toList()),
					Stats.of(rounds.stream().map(Result::heapBytesPerTopic).toList()),
					Stats.of(rounds.stream().map((r) -> (double) r.clientThreads()).toList()),
					rounds.get(rounds.size() - 1).threadCensus(), first.serverOutOfProcess());
		}

	}

	List<Summary> run() throws Exception {
		List<Summary> results = new ArrayList<>();
		for (int topics : this.config.scaleTopics()) {
			List<Result> rounds = new ArrayList<>();
			for (int round = 0; round < this.config.suiteRounds(); round++) {
				rounds.add(run(topics));
			}
			results.add(Summary.of(rounds));
		}
		return results;
	}

	private Result run(int topics) throws Exception {
		if (ExternalServer.available()) {
			Map<String, String> tokens = new LinkedHashMap<>();
			try (ExternalServer server = ExternalServer.start(topics, 1_000_000, tokens)) {
				Map<String, AccessToken> accessTokens = new LinkedHashMap<>();
				tokens.forEach((channel, token) -> accessTokens.put(channel, AccessToken.of(token)));
				return measure(server.uri(), accessTokens, true);
			}
		}
		try (FakeTwitchServer server = FakeTwitchServer.start(FakeServerSettings.builder().controlPort(-1).build())) {
			Map<String, AccessToken> tokens = new LinkedHashMap<>();
			for (int i = 0; i < topics; i++) {
				String channel = String.valueOf(1_000_000 + i);
				server.accounts().registerUser(channel, "scale" + i);
				tokens.put(channel,
						AccessToken.of(server.accounts().issueToken(channel, List.of("bits:read")).accessToken()));
			}
			return measure(server.pubSubUri(), tokens, false);
		}
	}

	private Result measure(URI uri, Map<String, AccessToken> tokens, boolean serverOutOfProcess) {
		int topics = tokens.size();
		int sockets = (topics + 49) / 50;
		PubSubClient client = PubSubClient.builder()
			.uri(uri)
			.tokenProvider(StaticTokenProvider.forUsers(tokens))
			.maxConnections(sockets)
			.listensPerSecond(5_000)
			.listenConfirmTimeout(Duration.ofSeconds(60))
			.build();
		client.start();
		try {
			long heapBefore = usedHeapAfterGc();
			long start = System.nanoTime();
			List<CompletableFuture<?>> confirmations = new ArrayList<>(topics);
			for (String channel : tokens.keySet()) {
				confirmations.add(client.listenBitsAsync(channel, (subscription, cheer) -> {
				}));
			}
			confirmations.forEach(CompletableFuture::join);
			while (client.snapshot().topics().stream().anyMatch((topic) -> topic.state() != TopicState.ACTIVE)) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
			Duration untilActive = Duration.ofNanos(System.nanoTime() - start);
			long heapAfter = usedHeapAfterGc();
			return new Result(topics, client.snapshot().connections().size(), untilActive,
					(double) (heapAfter - heapBefore) / topics, ThreadCpu.count(ThreadCpu::clientSide),
					ThreadCpu.census(ThreadCpu::clientSide), serverOutOfProcess);
		}
		finally {
			client.stop();
		}
	}

	static long usedHeapAfterGc() {
		for (int i = 0; i < 4; i++) {
			System.gc();
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
