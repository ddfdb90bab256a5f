package io.github.twitchjvm.pubsub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.HdrHistogram.Histogram;

/**
 * Measurement 5: EventSub notifications. A {@code channel.cheer} subscription of the
 * EventSub client with a typed handler; the fake EventSub server bursts notifications as
 * fast as the socket takes them (throughput, CPU and allocation of the client's threads;
 * the server in a JVM of its own when run from the jar), then, in this JVM, sends
 * notifications at a fixed rate, each carrying its send time (latency from the server's
 * send to the typed handler).
 */
final class EventSubSuite {

	private static final String BROADCASTER = "13371337";

	private final BenchmarkConfig config;

	EventSubSuite(BenchmarkConfig config) {
		this.config = config;
	}

	record Result(Stats perSecond, Stats cpuMicrosPerMessage, Stats allocatedPerMessage, long dropped, String where,
			List<LatencyRow> latency) {
	}

	record LatencyRow(int rate, Stats p50, Stats p99, Stats p999) {
	}

	/** Sends a burst of notifications to a subscription and returns once written. */
	@FunctionalInterface
	private interface Bursts {

		void burst(String subscriptionId, int count, String eventJson) throws Exception;

	}

	Result run() throws Exception {
		Throughput throughput = null;
		if (ExternalServer.available()) {
			Map<String, String> tokens = new java.util.LinkedHashMap<>();
			try (ExternalServer external = ExternalServer.startForEventSubBursts(BROADCASTER, tokens)) {
				throughput = throughput(external.eventSubUri(), external.helixUri(), tokens.get(BROADCASTER),
						external::burstEventSub);
			}
		}
		try (FakeTwitchServer server = FakeTwitchServer.start()) {
			server.accounts().registerUser(BROADCASTER, "eventsub_benchmark");
			String token = server.accounts().issueToken(BROADCASTER, List.of("bits:read")).accessToken();
			FakeEventSub fake = server.eventSub();
			if (throughput == null) {
				throughput = throughput(server.eventSubUri(), server.helixUri(), token, (subscriptionId, count,
						event) -> fake.burst(subscriptionId, count, event).get(3, TimeUnit.MINUTES));
			}
			EventSubClient client = client(server.eventSubUri(), server.helixUri(), token);
			client.start();
			try {
				Histogram[] latency = new Histogram[1];
				EventSubSubscription subscription = subscribe(client, new LongAdder(), latency);
				List<LatencyRow> rows = new ArrayList<>();
				for (int rate : this.config.latencyRates()) {
					rows.add(latency(fake, java.util.Objects.requireNonNull(subscription.twitchId()), rate, latency));
				}
				return new Result(throughput.perSecond(), throughput.cpu(), throughput.allocated(),
						throughput.dropped(), throughput.where(), rows);
			}
			finally {
				client.stop();
			}
		}
	}

	private record Throughput(Stats perSecond, Stats cpu, Stats allocated, long dropped, String where) {
	}

	private static EventSubClient client(java.net.URI uri, java.net.URI helix,
			@org.jspecify.annotations.Nullable String token) {
		return EventSubClient.builder()
			.uri(uri)
			.helixUri(helix)
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.tokenProvider(StaticTokenProvider.of(java.util.Objects.requireNonNull(token)))
			.build();
	}

	private static EventSubSubscription subscribe(EventSubClient client, LongAdder delivered, Histogram[] latency) {
		return client.subscribe(ChannelCheerEvent.class, Map.of("broadcaster_user_id", BROADCASTER),
				(cheer, notification) -> {
					Histogram histogram = latency[0];
					if (histogram != null) {
						histogram.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(cheer.message())));
					}
					delivered.increment();
				});
	}

	private Throughput throughput(java.net.URI uri, java.net.URI helix, @org.jspecify.annotations.Nullable String token,
			Bursts bursts) throws Exception {
		EventSubClient client = client(uri, helix, token);
		client.start();
		try {
			return measure(client, bursts,
					ExternalServer.available() ? "in a JVM of its own" : "in the benchmark's JVM");
		}
		finally {
			client.stop();
		}
	}

	private Throughput measure(EventSubClient client, Bursts bursts, String where) throws Exception {
		LongAdder delivered = new LongAdder();
		EventSubSubscription subscription = subscribe(client, delivered, new Histogram[1]);
		String twitchId = java.util.Objects.requireNonNull(subscription.twitchId());
		int n = this.config.messages();
		List<Double> rates = new ArrayList<>();
		List<Double> cpu = new ArrayList<>();
		List<Double> allocated = new ArrayList<>();
		for (int round = 0; round < this.config.warmups() + this.config.rounds(); round++) {
			long before = delivered.sum();
			long cpuBefore = ThreadCpu.nanos(EventSubSuite::clientSide);
			long allocatedBefore = ThreadCpu.allocatedBytes(EventSubSuite::clientSide);
			long start = System.nanoTime();
			bursts.burst(twitchId, n, cheer(round));
			long deadline = start + TimeUnit.MINUTES.toNanos(2);
			while (delivered.sum() - before < n && System.nanoTime() < deadline) {
				LockSupport.parkNanos(50_000);
			}
			long elapsed = System.nanoTime() - start;
			long received = delivered.sum() - before;
			if (round >= this.config.warmups()) {
				rates.add(received * 1e9 / elapsed);
				cpu.add((ThreadCpu.nanos(EventSubSuite::clientSide) - cpuBefore) / 1000.0 / Math.max(1, received));
				allocated.add((ThreadCpu.allocatedBytes(EventSubSuite::clientSide) - allocatedBefore)
						/ (double) Math.max(1, received));
			}
		}
		long dropped = client.snapshot().counters().dropped().values().stream().mapToLong(Long::longValue).sum();
		return new Throughput(Stats.of(rates), Stats.of(cpu), Stats.of(allocated), dropped, where);
	}

	private LatencyRow latency(FakeEventSub fake, String twitchId, int rate, Histogram[] latency) {
		List<Double> p50 = new ArrayList<>();
		List<Double> p99 = new ArrayList<>();
		List<Double> p999 = new ArrayList<>();
		for (int round = 0; round < 1 + this.config.suiteRounds(); round++) {
			Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
			latency[0] = histogram;
			long interval = TimeUnit.SECONDS.toNanos(1) / rate;
			long count = (long) rate * this.config.latencySeconds();
			long next = System.nanoTime();
			for (long i = 0; i < count; i++) {
				while (System.nanoTime() < next) {
					LockSupport.parkNanos(Math.max(1, (next - System.nanoTime()) / 2));
				}
				fake.publish(twitchId, cheer(System.nanoTime()));
				next += interval;
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (histogram.getTotalCount() < count && System.nanoTime() < deadline) {
				LockSupport.parkNanos(1_000_000);
			}
			if (round > 0) {
				// The first round warms up at the rate.
				p50.add(histogram.getValueAtPercentile(50) / 1000.0);
				p99.add(histogram.getValueAtPercentile(99) / 1000.0);
				p999.add(histogram.getValueAtPercentile(99.9) / 1000.0);
			}
		}
		return new LatencyRow(rate, Stats.of(p50), Stats.of(p99), Stats.of(p999));
	}

	/**
	 * A cheer of about 400 bytes whose message carries a number (a sequence or a time).
	 */
	private static String cheer(long mark) {
		return "{\"is_anonymous\":false,\"user_id\":\"1234\",\"user_login\":\"cool_user\",\"user_name\":\"Cool_User\","
				+ "\"broadcaster_user_id\":\"" + BROADCASTER + "\",\"broadcaster_user_login\":\"eventsub_benchmark\","
				+ "\"broadcaster_user_name\":\"EventSub_Benchmark\",\"message\":\"" + mark + "\",\"bits\":100}";
	}

	/** The client's threads and its transport's (the JDK's HttpClient, which reads). */
	static boolean clientSide(String name) {
		return name.startsWith("eventsub-") || name.startsWith("HttpClient-");
	}

}
