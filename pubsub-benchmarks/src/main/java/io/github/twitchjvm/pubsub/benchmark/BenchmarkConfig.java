package io.github.twitchjvm.pubsub.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What to run and how big. Throughput takes {@code rounds} measured rounds after
 * {@code warmups}; latency, scale and recovery take {@code suiteRounds} each (3), being
 * slower. The full run takes several minutes; {@code --smoke} runs every suite tiny, to
 * keep the harness working in CI, and its numbers mean nothing.
 */
record BenchmarkConfig(int messages, int warmups, int rounds, List<Integer> latencyRates, int latencySeconds,
		List<Integer> scaleTopics, int recoveryTopics, boolean jmh, boolean smoke, Set<String> only, int suiteRounds) {

	static BenchmarkConfig fullRun() {
		return new BenchmarkConfig(100_000, 2, 5, List.of(2_000, 20_000), 5, List.of(5_000, 10_000), 500, true, false,
				Set.of(), 3);
	}

	static BenchmarkConfig smokeRun() {
		return new BenchmarkConfig(2_000, 0, 1, List.of(2_000), 1, List.of(200), 60, false, true, Set.of(), 1);
	}

	static BenchmarkConfig parse(String[] args) {
		BenchmarkConfig config = fullRun();
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : "";
			switch (args[i]) {
				case "--smoke" -> config = smokeRun();
				case "--messages" ->
					config = config.with(Integer.parseInt(value), config.rounds, config.scaleTopics, config.jmh);
				case "--rounds" ->
					config = config.with(config.messages, Integer.parseInt(value), config.scaleTopics, config.jmh);
				case "--scale" -> config = config.with(config.messages, config.rounds,
						Arrays.stream(value.split(",")).map(Integer::valueOf).toList(), config.jmh);
				case "--no-jmh" -> config = config.with(config.messages, config.rounds, config.scaleTopics, false);
				case "--only" -> config = new BenchmarkConfig(config.messages, config.warmups, config.rounds,
						config.latencyRates, config.latencySeconds, config.scaleTopics, config.recoveryTopics,
						config.jmh, config.smoke, Set.of(value.split(",")), config.suiteRounds);
				default -> {
					continue;
				}
			}
			if (!args[i].equals("--smoke") && !args[i].equals("--no-jmh")) {
				i++;
			}
		}
		return config;
	}

	private BenchmarkConfig with(int messages, int rounds, List<Integer> scaleTopics, boolean jmh) {
		return new BenchmarkConfig(messages, this.warmups, rounds, this.latencyRates, this.latencySeconds, scaleTopics,
				this.recoveryTopics, jmh, this.smoke, this.only, this.suiteRounds);
	}

	/** Whether a suite is to run: all of them unless {@code --only} named some. */
	boolean runs(String suite) {
		return this.only.isEmpty() || this.only.contains(suite);
	}

}
