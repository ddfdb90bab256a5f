package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement against the fake server over loopback and writes a Markdown
 * report:
 *
 * <pre>
 * java -jar pubsub-benchmarks/target/pubsub-benchmarks.jar [--smoke] [--messages 100000] [--rounds 5]
 *                                                          [--scale 5000,10000] [--no-jmh] [--out FILE]
 *                                                          [--only throughput,latency,scale,recovery,eventsub,decoding]
 * </pre>
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Path out = Path.of("pubsub-benchmarks/target/benchmark-report.md");
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--out")) {
				out = Path.of(args[i + 1]);
			}
		}
		String report = run(BenchmarkConfig.parse(args));
		System.out.println(report);
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, report);
		System.out.println("Written to " + out.toAbsolutePath());
	}

	static String run(BenchmarkConfig config) throws Exception {
		StringBuilder report = new StringBuilder();
		report.append("# Benchmark report\n\n");
		report.append(String.format("%s, Java %s, %d cores, max heap %d MB%s%n%n", LocalDate.now(),
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024),
				config.smoke() ? ", SMOKE RUN: the numbers mean nothing" : ""));
		// Twitch dropped clients with 30 messages unread; here that would measure
		// reconnects instead of delivery.
		FakeServerSettings settings = FakeServerSettings.builder().controlPort(-1).slowConsumerLimit(1_000_000).build();
		try (FakeTwitchServer server = FakeTwitchServer.start(settings)) {
			server.accounts().registerUser(ThroughputSuite.USER, "benchmark");
			String token = server.accounts().issueToken(ThroughputSuite.USER, TwitchAccounts.ALL_SCOPES).accessToken();
			if (config.runs("throughput")) {
				throughput(report, throughputSuite(server, token, config), config);
			}
			if (config.runs("latency")) {
				latency(report, new LatencySuite(server, token, config).run(), config);
			}
		}
		if (config.runs("scale")) {
			scale(report, new ScaleSuite(config).run(), config);
		}
		if (config.runs("recovery")) {
			recovery(report, new RecoverySuite(config).runRounds());
		}
		if (config.runs("eventsub")) {
			eventSub(report, new EventSubSuite(config).run(), config);
		}
		if (config.jmh() && config.runs("decoding")) {
			decoding(report);
		}
		return report.toString();
	}

	/**
	 * The throughput suite against the fake server in a JVM of its own when the benchmark
	 * runs from its jar (the server's work then neither counts as the client's nor
	 * competes with it inside one JVM), else against the one in this JVM.
	 */
	private static Throughput throughputSuite(FakeTwitchServer inProcess, String inProcessToken, BenchmarkConfig config)
			throws Exception {
		if (!ExternalServer.available()) {
			ThroughputSuite suite = new ThroughputSuite(BurstServer.inProcess(inProcess), inProcessToken, config);
			return new Throughput(suite.run(), suite.where());
		}
		Map<String, String> tokens = new LinkedHashMap<>();
		try (ExternalServer external = ExternalServer.startForBursts(ThroughputSuite.USER, tokens)) {
			ThroughputSuite suite = new ThroughputSuite(external, tokens.get(ThroughputSuite.USER), config);
			return new Throughput(suite.run(), suite.where());
		}
	}

	private record Throughput(ThroughputSuite.Outcome outcome, String where) {
	}

	private static void throughput(StringBuilder report, Throughput throughput, BenchmarkConfig config) {
		List<ThroughputSuite.Result> results = throughput.outcome().results();
		report.append(String.format("## 1. Throughput: %,d whispers of about 1 KB burst to one subscription%n%n",
				config.messages()));
		report
			.append(String.format("Median of %d rounds after %d warm-up rounds (min to max); the fake server runs %s. "
					+ "Every receiver gets the same bursts from the same server, one receiver at a time, and counts "
					+ "them in a typed handler (the baselines count frames). CPU and allocation are the receiver's "
					+ "own, not the server's (what each counts is below).%n%n", config.rounds(), config.warmups(),
					throughput.where()));
		report.append("| receiver | messages per second | CPU per message | allocated per message | vs JDK decoding "
				+ "| vs Tomcat decoding | vs fastest peer |\n|---|---|---|---|---|---|---|\n");
		double jdkDecoding = results.get(1).perSecond().median();
		double tomcatDecoding = results.get(3).perSecond().median();
		ThroughputSuite.Result fastestPeer = results.stream()
			.filter((result) -> result.kind() == ThroughputSuite.Kind.PEER)
			.max(Comparator.comparingDouble((result) -> result.perSecond().median()))
			.orElse(null);
		long dropped = 0;
		for (ThroughputSuite.Result result : results) {
			Stats allocated = result.allocatedPerMessage();
			report.append(String.format("| %s | %s | %s | %s | %.2f | %.2f | %s |%n", result.name(),
					result.perSecond().format("/s"), result.cpuMicrosPerMessage().formatDecimal("µs"),
					(allocated != null) ? allocated.format("B") : "not counted",
					result.perSecond().median() / jdkDecoding, result.perSecond().median() / tomcatDecoding,
					(fastestPeer != null)
							? String.format("%.2f", result.perSecond().median() / fastestPeer.perSecond().median())
							: "no peer"));
			dropped += result.dropped();
		}
		report.append(String.format("%nMessages the clients dropped: %d.%n%n", dropped));
		ThroughputSuite.Result defaultClient = results.stream()
			.filter((result) -> result.kind() == ThroughputSuite.Kind.DEFAULT_CLIENT)
			.findFirst()
			.orElseThrow();
		if (fastestPeer != null) {
			report.append(String.format(
					"The client with default settings delivered %,.0f whispers per second, %.2f times the fastest "
							+ "peer of this run (%s, %,.0f/s); the goal of #13 is at least 1.2.%n%n",
					defaultClient.perSecond().median(),
					defaultClient.perSecond().median() / fastestPeer.perSecond().median(), fastestPeer.name(),
					fastestPeer.perSecond().median()));
		}
		report.append("What the CPU and allocation figures count, and the peers that did not run:\n\n");
		for (String note : throughput.outcome().notes()) {
			report.append("- ").append(note).append('\n');
		}
		report.append('\n');
	}

	private static void latency(StringBuilder report, List<LatencySuite.Result> results, BenchmarkConfig config) {
		report.append("## 2. Latency: server send to handler call, at a fixed rate\n\n");
		report.append(String.format("Median of %d rounds of %d s after a warm-up at the rate (min to max).%n%n",
				config.suiteRounds(), config.latencySeconds()));
		report.append("| receiver | rate | p50 | p99 | p99.9 | max |\n|---|---|---|---|---|---|\n");
		for (LatencySuite.Result result : results) {
			report.append(String.format("| %s | %,d/s (%,.0f/s reached) | %s | %s | %s | %s |%n", result.receiver(),
					result.targetRate(), result.achievedRate(), result.p50Micros().format("µs"),
					result.p99Micros().format("µs"), result.p999Micros().format("µs"),
					result.maxMicros().format("µs")));
		}
		report.append('\n');
	}

	private static void scale(StringBuilder report, List<ScaleSuite.Summary> results, BenchmarkConfig config) {
		report.append("## 3. Scale: 50 topics per socket\n\n");
		report.append(String.format("Median of %d rounds (min to max). Heap retained per topic, measured after GC in "
				+ "the client's JVM; the server column says whether the fake server's state shares that heap.%n%n",
				config.suiteRounds()));
		report.append("Threads are those alive with a client-side name (`pubsub-*`, the JDK's `HttpClient-*`, Tomcat's "
				+ "`WebSocketClient-*`), including idle ones left by earlier suites of the run; the census is the last "
				+ "round's.\n\n");
		report.append("| topics | sockets | until all ACTIVE | heap per topic | threads | census | server |\n"
				+ "|---|---|---|---|---|---|---|\n");
		for (ScaleSuite.Summary result : results) {
			report.append(String.format("| %,d | %d | %s | %s | %s | %s | %s |%n", result.topics(), result.sockets(),
					result.untilActiveMillis().format("ms"), result.heapBytesPerTopic().format("bytes"),
					result.clientThreads().format(""), result.lastCensus(),
					result.serverOutOfProcess() ? "own JVM" : "same JVM"));
		}
		report.append('\n');
	}

	private static void recovery(StringBuilder report, RecoverySuite.Summary result) {
		report.append("## 4. Recovery\n\n");
		report.append(String.format(
				"%d topics on %d sockets, a numbered stream published to every topic throughout; "
						+ "median of %d rounds (min to max), losses and duplicates summed over the rounds.%n%n",
				result.topics(), result.sockets(), result.rounds()));
		report.append("| event | time until every topic is listened again | lost | duplicated |\n|---|---|---|---|\n");
		report.append(String.format("| RECONNECT to every socket (%,d messages published) | %s | %d | %d |%n",
				result.published(), result.handoverMillis().format("ms"), result.lost(), result.duplicated()));
		report
			.append(String.format("| every socket dropped without a close frame | %s | not counted | not counted |%n%n",
					result.dropRecoveryMillis().format("ms")));
		report.append(String.format("After the drop, each socket's replacement was open after %s (median over the "
				+ "sockets of every round, min to max), with the default reconnect backoff: the first attempt goes "
				+ "out at once, spread over up to 100 ms so that many clients do not return in one instant.%n%n",
				result.reconnectMillis().format("ms")));
	}

	private static void eventSub(StringBuilder report, EventSubSuite.Result result, BenchmarkConfig config) {
		report.append("## 5. EventSub: notifications to a typed handler\n\n");
		report
			.append(String.format("A `channel.cheer` subscription of `EventSubClient` with a typed `ChannelCheerEvent` "
					+ "handler, default settings; the fake EventSub server runs in this JVM and publishes %,d notifications "
					+ "of about 400 bytes per round as fast as it can (median of %d rounds after %d warm-up rounds, min to "
					+ "max). CPU and allocation count the client's threads (`eventsub-*`) and the JDK's `HttpClient-*`.%n%n",
					config.messages(), config.rounds(), config.warmups()));
		report.append("| notifications per second | CPU per notification | allocated per notification | dropped |\n"
				+ "|---|---|---|---|\n");
		report.append(String.format("| %s | %s | %s | %d |%n%n", result.perSecond().format("/s"),
				result.cpuMicrosPerMessage().formatDecimal("µs"), result.allocatedPerMessage().format("B"),
				result.dropped()));
		report.append("| rate | p50 | p99 | p99.9 |\n|---|---|---|---|\n");
		for (EventSubSuite.LatencyRow row : result.latency()) {
			report.append(String.format("| %,d/s | %s | %s | %s |%n", row.rate(), row.p50().format("µs"),
					row.p99().format("µs"), row.p999().format("µs")));
		}
		report.append("\n");
	}

	private static void decoding(StringBuilder report) throws Exception {
		Options options = new OptionsBuilder().include(DecodingBenchmark.class.getName())
			.forks(1)
			// C2 needs several seconds on two shared cores; fewer warm-up iterations
			// measured the interpreter.
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			.build();
		Collection<RunResult> results = new Runner(options).run();
		report.append("## 5. Decoding (JMH, average time per operation)\n\n");
		report.append("| family | typed decode of the inner message | parse of the MESSAGE frame |\n|---|---|---|\n");
		java.util.Map<String, double[]> rows = new java.util.LinkedHashMap<>();
		for (RunResult result : results) {
			String family = result.getParams().getParam("family");
			String benchmark = result.getParams().getBenchmark();
			double[] row = rows.computeIfAbsent(family, (key) -> new double[2]);
			row[benchmark.endsWith("decodePayload") ? 0 : 1] = result.getPrimaryResult().getScore();
		}
		rows.forEach((family, row) -> report
			.append(String.format("| %s | %,.0f ns | %,.0f ns |%n", family, row[0], row[1])));
		report.append('\n');
	}

	static String write(Path out, String report) throws IOException {
		Files.writeString(out, report);
		return report;
	}

}
