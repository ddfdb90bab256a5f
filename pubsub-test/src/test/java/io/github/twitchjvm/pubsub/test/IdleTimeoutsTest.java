package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdleTimeoutsTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.firstListenTimeout(Duration.ofMillis(300))
		.pingTimeout(Duration.ofMillis(1500))
		.build());

	@Test
	void closesAConnectionThatSendsNoListenInTime() {
		try (TestSocket socket = TestSocket.connect(twitch.server())) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
			assertThat(socket.awaitClose()).isEqualTo(1000);
			assertThat(socket.closeReason()).startsWith("No LISTEN within");
		}
	}

	@Test
	void closesAConnectionThatStopsPinging() {
		FakeTwitchServer server = twitch.server();
		new FakeTwitchFixture(server);
		try (TestSocket socket = TestSocket.connect(server)) {
			socket.send(TestSocket.request("LISTEN", "n", "x", "whispers.1"));
			socket.expectResponse("n", "ERR_BADAUTH");
			assertThat(socket.awaitClose()).as("any LISTEN counts, but PINGs must continue").isEqualTo(1000);
			assertThat(socket.closeReason()).startsWith("No PING within");
		}
	}

	@Test
	void keepsAConnectionThatPingsAndListens() {
		FakeTwitchServer server = twitch.server();
		String token = new FakeTwitchFixture(server).broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(server)) {
			socket.listen("n", token, "whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("n", "");
			// The client PINGs every 200 ms; once the server counted 10 (2 s, past its
			// 1.5 s timeout) it must still
			// be open.
			ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
			try {
				pinger.scheduleAtFixedRate(() -> socket.send("{\"type\":\"PING\"}"), 0, 200, TimeUnit.MILLISECONDS);
				await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().pings() >= 10);
			}
			finally {
				pinger.shutdownNow();
			}
			assertThat(socket.closed()).as("pinged every 200 ms for 2 s with a 1.5 s timeout").isNotDone();
		}
	}

}
