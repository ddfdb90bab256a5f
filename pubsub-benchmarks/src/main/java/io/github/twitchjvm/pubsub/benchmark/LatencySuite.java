package io.github.twitchjvm.pubsub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Measurement 2: whispers published at a fixed rate, each carrying its send time
 * ({@code System.nanoTime()} of this JVM, the fake server runs in-process); the time from
 * the server's send to the typed handler's call.
 */
final class LatencySuite {

	private final FakeTwitchServer server;

	private final String token;

	private final BenchmarkConfig config;

	LatencySuite(FakeTwitchServer server, String token, BenchmarkConfig config) {
		this.server = server;
		this.token = token;
		this.config = config;
	}

	record Result(String receiver, int targetRate, double achievedRate, long messages, Stats p50Micros, Stats p99Micros,
			Stats p999Micros, Stats maxMicros) {
	}

	/** Collects one figure set per round. */
	private static final class Rounds {

		final List<Double> p50 = new ArrayList<>();

		final List<Double> p99 = new ArrayList<>();

		final List<Double> p999 = new ArrayList<>();

		final List<Double> max = new ArrayList<>();

		long messages;

		double achieved;

		void add(Histogram histogram, double achievedRate) {
			this.p50.add(histogram.getValueAtPercentile(50) / 1000.0);
			this.p99.add(histogram.getValueAtPercentile(99) / 1000.0);
			this.p999.add(histogram.getValueAtPercentile(99.9) / 1000.0);
			this.max.add(histogram.getMaxValue() / 1000.0);
			this.messages += histogram.getTotalCount();
			this.achieved = Math.min((this.achieved == 0) ? Double.MAX_VALUE : this.achieved, achievedRate);
		}

		Result result(String receiver, int rate) {
			return new Result(receiver, rate, this.achieved, this.messages, Stats.of(this.p50), Stats.of(this.p99),
					Stats.of(this.p999), Stats.of(this.max));
		}

	}

	List<Result> run() throws Exception {
		List<Result> results = new ArrayList<>();
		String template = Samples.whisperTemplate();
		// The baselines: each bare transport decoding on its reading thread, no hand-off.
		results.addAll(bare("bare JDK WebSocket, decoding on the reading thread", new BareJdkClient(true), template));
		results
			.addAll(bare("bare Tomcat (Spring), decoding on the reading thread", new BareTomcatClient(true), template));
		results.addAll(measureClient(template, "PubSubClient, typed handler", null, null));
		// The same with handlers on the reading thread: separates the hand-off's cost
		// from the client's own work.
		results
			.addAll(measureClient(template, "PubSubClient, typed handler on the reading thread", Runnable::run, null));
		try (SpringWebSocketTransport tomcat = SpringWebSocketTransport.overTomcat()) {
			results
				.addAll(measureClient(template, "PubSubClient, typed handler, Spring/Tomcat transport", null, tomcat));
		}
		return results;
	}

	private List<Result> bare(String receiver, BareClient client, String template) throws Exception {
		List<Result> results = new ArrayList<>();
		try (BareClient bare = client) {
			bare.listen(this.server.pubSubUri(), "whispers." + ThroughputSuite.USER, this.token);
			for (int rate : this.config.latencyRates()) {
				publish(template, rate, Math.max(1, this.config.latencySeconds() / 2));
				awaitCount(bare::messages, (long) rate * Math.max(1, this.config.latencySeconds() / 2));
				Rounds rounds = new Rounds();
				for (int round = 0; round < this.config.suiteRounds(); round++) {
					Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
					bare.reset();
					bare.recordLatency(histogram);
					long start = System.nanoTime();
					long sent = publish(template, rate, this.config.latencySeconds());
					double achieved = sent * 1e9 / (System.nanoTime() - start);
					awaitCount(bare::messages, sent);
					bare.recordLatency(null);
					rounds.add(histogram, achieved);
				}
				results.add(rounds.result(receiver, rate));
			}
		}
		return results;
	}

	private List<Result> measureClient(String template, String receiver, @Nullable Executor dispatch,
			@Nullable WebSocketTransport transport) {
		List<Result> results = new ArrayList<>();
		Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
		PubSubClientBuilder builder = PubSubClient.builder()
			.uri(this.server.pubSubUri())
			.tokenProvider(StaticTokenProvider.of(this.token));
		if (dispatch != null) {
			builder.dispatchExecutor(dispatch);
		}
		if (transport != null) {
			builder.transport(transport);
		}
		PubSubClient client = builder.build();
		client.start();
		try {
			client.listenWhispers(ThroughputSuite.USER, (subscription, event) -> {
				long now = System.nanoTime();
				if (event instanceof WhisperEvent.Received received && received.whisper().nonce() != null) {
					synchronized (histogram) {
						histogram.recordValue(Math.max(0, now - Long.parseLong(received.whisper().nonce())));
					}
				}
			});
			for (int rate : this.config.latencyRates()) {
				// Warm up at the rate, then measure.
				publish(template, rate, Math.max(1, this.config.latencySeconds() / 2));
				awaitQuiet(client);
				Rounds rounds = new Rounds();
				for (int round = 0; round < this.config.suiteRounds(); round++) {
					synchronized (histogram) {
						histogram.reset();
					}
					long start = System.nanoTime();
					long sent = publish(template, rate, this.config.latencySeconds());
					double achieved = sent * 1e9 / (System.nanoTime() - start);
					awaitQuiet(client);
					synchronized (histogram) {
						rounds.add(histogram, achieved);
					}
				}
				results.add(rounds.result(receiver, rate));
			}
		}
		finally {
			client.stop();
		}
		return results;
	}

	/**
	 * Publishes at the rate for the duration, each message stamped with its send time.
	 * The publisher parks until each message is due (spinning would take one of the two
	 * cores from the client it measures) and catches up at once when it woke late.
	 */
	private long publish(String template, int rate, int seconds) {
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long total = (long) rate * seconds;
		long next = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			this.server.publish("whispers." + ThroughputSuite.USER, Samples.whisper(template, System.nanoTime()));
			next += interval;
		}
		return total;
	}

	private static void awaitCount(java.util.function.LongSupplier received, long count) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.getAsLong() < count && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private static void awaitQuiet(PubSubClient client) {
		long last = -1;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			long delivered = client.snapshot().counters().messagesDelivered();
			if (delivered == last) {
				return;
			}
			last = delivered;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
	}

}
