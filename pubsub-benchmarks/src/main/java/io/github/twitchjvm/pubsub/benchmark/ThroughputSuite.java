package io.github.twitchjvm.pubsub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;

/**
 * Measurement 1: the server bursts whispers of about 1 KB to one subscription as fast as the socket takes them;
 * messages per second delivered and CPU per message, for the client with a no-op typed handler and, in the same
 * run, for the bare transport counting frames and the bare transport decoding three JSON layers.
 */
final class ThroughputSuite {

	static final String USER = "44322889";

	private final FakeTwitchServer server;

	private final String token;

	private final BenchmarkConfig config;

	ThroughputSuite(FakeTwitchServer server, String token, BenchmarkConfig config) {
		this.server = server;
		this.token = token;
		this.config = config;
	}

	record Result(String name, Stats perSecond, Stats cpuMicrosPerMessage, long dropped) {
	}

	List<Result> run() throws Exception {
		String message = Samples.whisper(Samples.whisperTemplate(), 1);
		List<Result> results = new ArrayList<>();
		try (BareClient counting = new BareClient(false)) {
			counting.listen(this.server.pubSubUri(), "whispers." + USER, this.token);
			results.add(measure("bare transport, counting", message, counting::messages, counting::reset, () -> 0));
		}
		try (BareClient decoding = new BareClient(true)) {
			decoding.listen(this.server.pubSubUri(), "whispers." + USER, this.token);
			results.add(measure("bare transport, 3 x Jackson readTree", message, decoding::messages, decoding::reset,
					() -> 0));
		}
		LongAdder delivered = new LongAdder();
		PubSubClient client = PubSubClient.builder()
			.uri(this.server.pubSubUri())
			.tokenProvider(StaticTokenProvider.of(this.token))
			.queueCapacity(this.config.messages())
			.build();
		client.start();
		try {
			client.listenWhispers(USER, (subscription, whisper) -> delivered.increment());
			results.add(measure("PubSubClient, typed WhisperEvent handler", message, delivered::sum, delivered::reset,
					() -> client.snapshot().counters().dropped().values().stream().mapToLong(Long::longValue).sum()));
		}
		finally {
			client.stop();
		}
		return results;
	}

	private Result measure(String name, String message, LongSupplier received, Runnable reset, LongSupplier dropped) {
		int n = this.config.messages();
		List<Double> rates = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		for (int round = 0; round < this.config.warmups() + this.config.rounds(); round++) {
			reset.run();
			long droppedBefore = dropped.getAsLong();
			long cpuBefore = ThreadCpu.nanos(ThreadCpu::clientSide);
			long start = System.nanoTime();
			this.server.burst("whispers." + USER, n, message);
			long deadline = start + TimeUnit.MINUTES.toNanos(2);
			while (received.getAsLong() + (dropped.getAsLong() - droppedBefore) < n && System.nanoTime() < deadline) {
				LockSupport.parkNanos(50_000);
			}
			long elapsed = System.nanoTime() - start;
			long cpuUsed = ThreadCpu.nanos(ThreadCpu::clientSide) - cpuBefore;
			if (round >= this.config.warmups()) {
				rates.add(received.getAsLong() * 1e9 / elapsed);
				cpu.add(cpuUsed / 1000.0 / Math.max(1, received.getAsLong()));
			}
		}
		return new Result(name, Stats.of(rates), Stats.of(cpu), dropped.getAsLong());
	}

}
