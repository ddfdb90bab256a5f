package io.github.twitchjvm.pubsub.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness working: every suite runs tiny and the report has every section.
 * Timings are never asserted here; they are measured with the full run.
 */
class BenchmarkSmokeTest {

	@Test
	void everySuiteRunsAndReports() throws Exception {
		String report = BenchmarkMain.run(BenchmarkConfig.smokeRun());
		assertThat(report).contains("## 1. Throughput", "PubSubClient, typed WhisperEvent handler", "## 2. Latency",
				"## 3. Scale", "## 4. Recovery", "## 5. EventSub", "SMOKE RUN");
		// Every EventSub notification reached the typed handler.
		assertThat(report).containsPattern("\\| [0-9,]+ /s \\([0-9,]+ to [0-9,]+\\) \\| [0-9.]+ µs .* \\| 0 \\|\n");
		assertThat(report).contains("Messages the clients dropped: 0.");
		// The peers: Twitch4J runs in every run; twurple is left out of this one, which
		// must pass without the npm registry.
		assertThat(report).contains("| " + Twitch4jPeer.NAME + " | ", "vs fastest peer",
				"times the fastest peer of this run (" + Twitch4jPeer.NAME,
				TwurplePeer.NAME + ": not run in the smoke run");
		assertThat(ThreadCpu.census(Twitch4jPeer::ownsThread)).isEqualTo("{}");
		assertThat(report).containsPattern(
				"RECONNECT to every socket \\([0-9,]+ messages published\\) \\| [0-9,]+ ms \\([0-9,]+ to [0-9,]+\\) \\| 0 \\| 0 \\|");
	}

	@Test
	void theWhisperIsAboutOneKilobyteOnTheWire() {
		String message = Samples.whisper(Samples.whisperTemplate(), 42);
		assertThat(message).contains("000000000000000042");
		assertThat(message.length()).isBetween(700, 1300);
	}

}
