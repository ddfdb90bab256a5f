package io.github.twitchjvm.pubsub.benchmark;

import java.time.Duration;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The throughput suite's peers against the fake server in this JVM: each counts the
 * whispers of a burst as its library's typed whisper event, and its CPU figure counts the
 * threads (or the process) that did the work. Timings are never asserted.
 */
class PeersTest {

	private static final String TOPIC = "whispers." + ThroughputSuite.USER;

	private static final String MESSAGE = Samples.whisper(Samples.whisperTemplate(), 7);

	private static FakeTwitchServer server;

	private static String token;

	@BeforeAll
	static void startServer() {
		server = FakeTwitchServer
			.start(FakeServerSettings.builder().controlPort(-1).slowConsumerLimit(1_000_000).build());
		server.accounts().registerUser(ThroughputSuite.USER, "benchmark");
		token = server.accounts().issueToken(ThroughputSuite.USER, TwitchAccounts.ALL_SCOPES).accessToken();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void twitch4jCountsTypedWhispersOnThreadsItOwnsAndLeavesNoneRunning() throws Exception {
		Twitch4jPeer peer = Twitch4jPeer.listen(server.pubSubUri(), ThroughputSuite.USER, token);
		try {
			long cpuBefore = peer.cpuNanos();
			long allocatedBefore = peer.allocatedBytes();
			server.burst(TOPIC, 300, MESSAGE);
			await().atMost(Duration.ofSeconds(30)).until(() -> peer.received() == 300);
			assertThat(peer.cpuNanos()).isGreaterThan(cpuBefore);
			assertThat(peer.allocatedBytes()).isGreaterThan(allocatedBefore);
		}
		finally {
			peer.close();
		}
		assertThat(ThreadCpu.census(Twitch4jPeer::ownsThread)).isEqualTo("{}");
	}

	@Test
	void twurpleCountsTypedWhispersInItsNodeProcess() throws Exception {
		TwurpleInstallation installation;
		try {
			installation = TwurpleInstallation.prepare();
		}
		catch (TwurpleInstallation.Unavailable ex) {
			abort("twurple cannot run here: " + ex.getMessage());
			return;
		}
		try (TwurplePeer peer = TwurplePeer.listen(installation, BurstServer.inProcess(server), ThroughputSuite.USER,
				token, MESSAGE)) {
			long before = peer.received();
			long cpuBefore = peer.cpuNanos();
			peer.expect(before + 300);
			server.burst(TOPIC, 300, MESSAGE);
			await().atMost(Duration.ofSeconds(30)).until(() -> peer.received() == before + 300);
			assertThat(cpuBefore).isNotNegative();
			assertThat(peer.cpuNanos()).isGreaterThanOrEqualTo(cpuBefore);
		}
	}

	@Test
	void theCpuOfAProcessIsReadFromProc() {
		assertThat(ProcessCpu.nanos(ProcessHandle.current().pid())).isPositive();
	}

}
