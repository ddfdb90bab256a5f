package io.github.twitchjvm.pubsub.test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.test.FakeTwitchFixture.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@FakeTwitch
class ServerFaultsTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	private FakeTwitchServer server;

	private String token;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.token = FakeTwitchFixture.prepare(server).broadcasterToken.accessToken();
	}

	private TestSocket listening() {
		TestSocket socket = TestSocket.connect(this.server);
		socket.listen("n", this.token, WHISPERS);
		socket.expectResponse("n", "");
		return socket;
	}

	@Test
	void sendsReconnectToEveryConnectionAndClosesThemAfterTheGracePeriod() {
		try (TestSocket first = listening(); TestSocket second = listening()) {
			assertThat(this.server.faults().sendReconnect(null, Duration.ofMillis(200))).isEqualTo(2);
			assertThat(first.nextText()).isEqualTo("{\"type\":\"RECONNECT\"}");
			assertThat(second.nextText()).isEqualTo("{\"type\":\"RECONNECT\"}");
			assertThat(first.awaitClose()).isEqualTo(1001);
			assertThat(second.awaitClose()).isEqualTo(1001);
		}
	}

	@Test
	void sendsReconnectToOneConnectionAndCanKeepItOpen() throws Exception {
		try (TestSocket first = listening(); TestSocket second = listening()) {
			String firstId = this.server.connections().get(0).id();
			this.server.faults().sendReconnect(firstId, null);
			assertThat(first.nextText()).isEqualTo("{\"type\":\"RECONNECT\"}");
			second.expectNothingFor(Duration.ofMillis(200));
			assertThat(this.server.publish(WHISPERS, "{}")).as("both still listen").isEqualTo(2);
		}
	}

	@Test
	void closesWithACloseFrameAndCode() {
		try (TestSocket socket = listening()) {
			this.server.faults().close(null, 4000, "maintenance");
			assertThat(socket.awaitClose()).isEqualTo(4000);
		}
	}

	@Test
	void dropsTheConnectionWithoutACloseFrame() {
		try (TestSocket socket = listening()) {
			this.server.faults().drop(null);
			assertThat(socket.awaitClose()).as("no close frame: the client sees an error").isEqualTo(-1);
		}
	}

	@Test
	void stopsReadingUntilToldToResume() throws Exception {
		try (TestSocket socket = listening()) {
			assertThat(this.server.faults().stopReading(null)).isOne();
			socket.send("{\"type\":\"PING\"}");
			socket.expectNothingFor(Duration.ofMillis(300));
			assertThat(this.server.publish(WHISPERS, "{}")).as("the server still writes").isOne();
			assertThat(socket.nextText()).contains("MESSAGE");
			this.server.faults().resumeReading(null);
			assertThat(socket.nextText()).as("the PING left in the buffer is read now")
				.isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void stopsAnsweringPings() throws Exception {
		try (TestSocket socket = listening()) {
			this.server.faults().answerPings(false);
			socket.send("{\"type\":\"PING\"}");
			socket.expectNothingFor(Duration.ofMillis(300));
			this.server.faults().answerPings(true);
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void delaysResponses() throws Exception {
		this.server.faults().delayResponses(Duration.ofMillis(500));
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("slow", this.token, WHISPERS);
			socket.expectNothingFor(Duration.ofMillis(200));
			socket.expectResponse("slow", "");
		}
	}

	@Test
	void withholdsResponsesButStillListens() throws Exception {
		this.server.faults().withholdResponses(true);
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("silent", this.token, WHISPERS);
			socket.expectNothingFor(Duration.ofMillis(300));
			await().until(() -> this.server.publish(WHISPERS, "{}") == 1);
		}
	}

	@Test
	void failsTheNextListensWithServerErrorsThenRecovers() {
		this.server.faults().failNextListens(2, "ERR_SERVER");
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("1", this.token, WHISPERS);
			socket.expectResponse("1", "ERR_SERVER");
			socket.listen("2", this.token, WHISPERS);
			socket.expectResponse("2", "ERR_SERVER");
			assertThat(this.server.publish(WHISPERS, "{}")).isZero();
			socket.listen("3", this.token, WHISPERS);
			socket.expectResponse("3", "");
		}
	}

	@Test
	void refusesConnectionsForAWhileThenAcceptsThemAgain() {
		this.server.faults().refuseConnections(Duration.ofMinutes(1));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(this::connectRaw);
		this.server.faults().acceptConnections();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void refusalEndsByItself() {
		this.server.faults().refuseConnections(Duration.ofMillis(300));
		await().pollInterval(Duration.ofMillis(50))
			.atMost(Duration.ofSeconds(5))
			.ignoreExceptions()
			.untilAsserted(() -> {
				try (TestSocket socket = TestSocket.connect(this.server)) {
					socket.send("{\"type\":\"PING\"}");
					assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
				}
			});
	}

	@Test
	void sendsRawFramesAsTheyAre() {
		try (TestSocket socket = listening()) {
			this.server.faults().sendRaw(null, "{\"type\":\"SURPRISE\"");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"SURPRISE\"");
		}
	}

	@Test
	void rejectsUnknownConnectionIds() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.server.faults().drop("c999999"))
			.withMessageContaining("No open connection 'c999999'");
	}

	@Test
	void clearRestoresNormalBehaviour() {
		this.server.faults().answerPings(false);
		this.server.faults().withholdResponses(true);
		this.server.faults().failNextListens(5, "ERR_SERVER");
		this.server.faults().clear();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
			socket.listen("ok", this.token, WHISPERS);
			socket.expectResponse("ok", "");
		}
	}

	private WebSocket connectRaw() {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(this.server.pubSubUri(), new WebSocket.Listener() {
			})
			.orTimeout(10, TimeUnit.SECONDS)
			.join();
	}

}
