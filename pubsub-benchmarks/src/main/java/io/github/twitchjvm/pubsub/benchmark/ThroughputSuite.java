package io.github.twitchjvm.pubsub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 1: the server bursts whispers of about 1 KB to one subscription as fast as
 * the socket takes them; messages per second delivered and CPU per message, for the
 * client with a no-op typed handler (on its default transport and on the Spring/Tomcat
 * adapter) and, in the same run, for both transports bare, counting frames and decoding
 * three JSON layers.
 */
final class ThroughputSuite {

	static final String USER = "44322889";

	private final BurstServer server;

	private final String token;

	private final BenchmarkConfig config;

	ThroughputSuite(BurstServer server, String token, BenchmarkConfig config) {
		this.server = server;
		this.token = token;
		this.config = config;
	}

	/**
	 * @param allocatedPerMessage bytes the client-side threads allocated per message, or
	 * {@code null} where the JVM does not count them
	 */
	record Result(String name, Stats perSecond, Stats cpuMicrosPerMessage, @Nullable Stats allocatedPerMessage,
			long dropped) {
	}

	String where() {
		return this.server.where();
	}

	List<Result> run() throws Exception {
		String message = Samples.whisper(Samples.whisperTemplate(), 1);
		List<Result> results = new ArrayList<>();
		results.add(bare("bare JDK WebSocket, counting", new BareJdkClient(false), message));
		results.add(bare("bare JDK WebSocket, 3 x Jackson readTree", new BareJdkClient(true), message));
		results.add(bare("bare Tomcat (Spring), counting", new BareTomcatClient(false), message));
		results.add(bare("bare Tomcat (Spring), 3 x Jackson readTree", new BareTomcatClient(true), message));
		results.add(client("PubSubClient, typed WhisperEvent handler (default: JDK transport)", null, message));
		try (SpringWebSocketTransport tomcat = SpringWebSocketTransport.overTomcat()) {
			results.add(client("PubSubClient, typed WhisperEvent handler, Spring/Tomcat transport", tomcat, message));
		}
		return results;
	}

	private Result bare(String name, BareClient bare, String message) throws Exception {
		try (bare) {
			bare.listen(this.server.pubSubUri(), "whispers." + USER, this.token);
			return measure(name, message, bare::messages, bare::reset, () -> 0);
		}
	}

	private Result client(String name, @Nullable WebSocketTransport transport, String message) throws Exception {
		LongAdder delivered = new LongAdder();
		PubSubClientBuilder builder = PubSubClient.builder()
			.uri(this.server.pubSubUri())
			.tokenProvider(StaticTokenProvider.of(this.token));
		if (transport != null) {
			builder.transport(transport);
		}
		PubSubClient client = builder.build();
		client.start();
		try {
			client.listenWhispers(USER, (subscription, whisper) -> delivered.increment());
			return measure(name, message, delivered::sum, delivered::reset,
					() -> client.snapshot().counters().dropped().values().stream().mapToLong(Long::longValue).sum());
		}
		finally {
			client.stop();
		}
	}

	private Result measure(String name, String message, LongSupplier received, Runnable reset, LongSupplier dropped)
			throws Exception {
		int n = this.config.messages();
		List<Double> rates = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		List<Double> allocated = new ArrayList<>();
		for (int round = 0; round < this.config.warmups() + this.config.rounds(); round++) {
			reset.run();
			long droppedBefore = dropped.getAsLong();
			long cpuBefore = ThreadCpu.nanos(ThreadCpu::clientSide);
			long allocatedBefore = ThreadCpu.allocatedBytes(ThreadCpu::clientSide);
			long start = System.nanoTime();
			this.server.burst("whispers." + USER, n, message);
			long deadline = start + TimeUnit.MINUTES.toNanos(2);
			while (received.getAsLong() + (dropped.getAsLong() - droppedBefore) < n && System.nanoTime() < deadline) {
				LockSupport.parkNanos(50_000);
			}
			long elapsed = System.nanoTime() - start;
			long cpuUsed = ThreadCpu.nanos(ThreadCpu::clientSide) - cpuBefore;
			long allocatedAfter = ThreadCpu.allocatedBytes(ThreadCpu::clientSide);
			if (round >= this.config.warmups()) {
				rates.add(received.getAsLong() * 1e9 / elapsed);
				cpu.add(cpuUsed / 1000.0 / Math.max(1, received.getAsLong()));
				if (allocatedBefore >= 0) {
					allocated.add((allocatedAfter - allocatedBefore) / (double) Math.max(1, received.getAsLong()));
				}
			}
		}
		return new Result(name, Stats.of(rates), Stats.of(cpu), allocated.isEmpty() ? null : Stats.of(allocated),
				dropped.getAsLong());
	}

}
