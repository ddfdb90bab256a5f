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
 * EventSub client with a typed handler; the fake EventSub server, in this JVM, publishes
 * a burst of notifications as fast as it can (throughput, CPU and allocation of the
 * client's threads), then notifications at a fixed rate, each carrying its send time
 * (latency from the server's send to the typed handler).
 */
final class EventSubSuite {

	private static final String BROADCASTER = "13371337";

	private final BenchmarkConfig config;

	EventSubSuite(BenchmarkConfig config) {
		this.config = config;
	}

	record Result(Stats perSecond, Stats cpuMicrosPerMessage, Stats allocatedPerMessage, long dropped,
			List<LatencyRow> latency) {
	}

	record LatencyRow(int rate, Stats p50, Stats p99, Stats p999) {
	}

	Result run() throws Exception {
		try (FakeTwitchServer server = FakeTwitchServer.start()) {
			server.accounts().registerUser(BROADCASTER, "eventsub_benchmark");
			String token = server.accounts().issueToken(BROADCASTER, List.of("bits:read")).accessToken();
			EventSubClient client = EventSubClient.builder()
				.uri(server.eventSubUri())
				.helixUri(server.helixUri())
				.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
				.tokenProvider(StaticTokenProvider.of(token))
				.build();
			client.start();
			try {
				return measure(server.eventSub(), client);
			}
			finally {
				client.stop();
			}
		}
	}

	private Result measure(FakeEventSub fake, EventSubClient client) throws Exception {
		LongAdder delivered = new LongAdder();
		Histogram[] latency = new Histogram[1];
		EventSubSubscription subscription = client.subscribe(ChannelCheerEvent.class,
				Map.of("broadcaster_user_id", BROADCASTER), (cheer, notification) -> {
					Histogram histogram = latency[0];
					if (histogram != null) {
						histogram.recordValue(Math.max(0, System.nanoTime() - Long.parseLong(cheer.message())));
					}
					delivered.increment();
				});
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
			for (int i = 0; i < n; i++) {
				fake.publish(twitchId, cheer(i));
			}
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
		List<LatencyRow> rows = new ArrayList<>();
		for (int rate : this.config.latencyRates()) {
			rows.add(latency(fake, twitchId, rate, latency));
		}
		latency[0] = null;
		return new Result(Stats.of(rates), Stats.of(cpu), Stats.of(allocated), dropped, rows);
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
