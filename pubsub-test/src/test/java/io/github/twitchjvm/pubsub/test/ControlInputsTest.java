package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Values that overflow the server's clock arithmetic or make no sense are answered with
 * 400 and change nothing; every request is answered; the token store stays bounded.
 */
@FakeTwitch
class ControlInputsTest {

	/** An unanswered request fails the test instead of hanging it. */
	private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newHttpClient();

	private FakeTwitchServer server;

	private FakeTwitchFixture accounts;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.accounts = FakeTwitchFixture.prepare(server);
	}

	@Test
	void refusesTokenLifetimesOutOfRange() throws Exception {
		int tokens = this.server.accounts().tokens().size();
		for (String expiresIn : List.of(String.valueOf(Long.MAX_VALUE), "-1", "0", "315360001", "1e30", "600.5",
				"\"600\"")) {
			HttpResponse<String> response = send("/tokens",
					"{\"user_id\":\"" + FakeTwitchFixture.BROADCASTER + "\",\"expires_in\":" + expiresIn + "}");
			assertThat(response.statusCode()).as(expiresIn).isEqualTo(400);
			assertThat(response.body()).contains("'expires_in' must be a whole number from 1 to 315360000");
		}
		assertThat(this.server.accounts().tokens()).hasSize(tokens);
		assertThat(send("/tokens", "{\"user_id\":\"" + FakeTwitchFixture.BROADCASTER + "\",\"expires_in\":315360000}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAResponseDelayThatWouldBreakEveryListen() throws Exception {
		assertThat(send("/faults/responses", "{\"delay_ms\":" + Long.MAX_VALUE + "}").statusCode()).isEqualTo(400);
		assertThat(send("/faults/responses", "{\"delay_ms\":-5}").statusCode()).isEqualTo(400);
		assertThat(send("/faults/responses", "{\"delay_ms\":0,\"withhold\":\"yes\"}").statusCode()).isEqualTo(400);
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("still", this.accounts.broadcasterToken.accessToken(),
					"whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("still", "");
		}
	}

	@Test
	void refusesReconnectAndCloseValuesOutOfRange() throws Exception {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			await().until(() -> this.server.connections().size() == 1);
			assertThat(send("/faults/reconnect", "{\"close_after_ms\":" + Long.MAX_VALUE + "}").statusCode())
				.isEqualTo(400);
			assertThat(send("/faults/reconnect", "{\"close_after_ms\":-1}").statusCode()).isEqualTo(400);
			assertThat(send("/faults/close", "{\"code\":99999}").statusCode()).isEqualTo(400);
			assertThat(send("/faults/close", "{\"code\":1006}").statusCode()).isEqualTo(400);
			assertThat(send("/faults/close", "{\"reason\":\"" + "x".repeat(124) + "\"}").statusCode()).isEqualTo(400);
			assertThat(send("/faults/drop", "{\"connection\":42}").statusCode()).isEqualTo(400);
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).as("nothing was sent before the refusal").isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void refusesARefusalThatWouldOutliveTheTest() throws Exception {
		assertThat(send("/faults/refuse-connections", "{\"duration_ms\":" + Long.MAX_VALUE + "}").statusCode())
			.isEqualTo(400);
		assertThat(send("/faults/refuse-connections", "{\"duration_ms\":-1000}").statusCode()).isEqualTo(400);
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void refusesCountsOutOfRange() throws Exception {
		assertThat(send("/faults/listen-errors", "{\"count\":" + Long.MAX_VALUE + "}").statusCode()).isEqualTo(400);
		assertThat(send("/faults/listen-errors", "{\"count\":\"lots\"}").statusCode()).isEqualTo(400);
		assertThat(send("/burst", "{\"topic\":\"whispers.1\",\"message\":\"{}\",\"count\":" + Integer.MAX_VALUE + "}")
			.statusCode()).isEqualTo(400);
		assertThat(send("/burst", "{\"topic\":\"whispers.1\",\"message\":\"{}\",\"count\":0}").statusCode())
			.isEqualTo(400);
		assertThat(send("/tokens", "{\"user_id\":\"" + FakeTwitchFixture.BROADCASTER + "\",\"scopes\":\"bits:read\"}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void keepsTheNewestGeneratedTokensAndEveryGivenOne() throws Exception {
		try (FakeTwitchServer bounded = FakeTwitchServer.start()) {
			TwitchAccounts store = bounded.accounts();
			store.registerUser("4242", "tokenful");
			IssuedToken given = store.issueToken("4242", List.of("bits:read"), Duration.ofHours(1),
					"giventoken00000000000000000000", "givenrefresh000000000000000000",
					TwitchAccounts.DEFAULT_CLIENT_ID);
			IssuedToken oldest = store.issueToken("4242", List.of("bits:read"));
			for (int i = 0; i < TwitchAccounts.MAX_GENERATED_TOKENS; i++) {
				store.issueToken("4242", List.of("bits:read"));
			}
			assertThat(store.tokens()).hasSize(TwitchAccounts.MAX_GENERATED_TOKENS + 1);
			assertThat(store.check(oldest.accessToken()).status()).isEqualTo(TwitchAccounts.TokenCheck.Status.UNKNOWN);
			assertThat(store.refresh(oldest.refreshToken(), TwitchAccounts.DEFAULT_CLIENT_ID)).isNull();
			assertThat(store.check(given.accessToken()).isValid()).isTrue();

			HttpResponse<String> listed = this.http.send(
					HttpRequest.newBuilder(URI.create(bounded.controlUri() + "/tokens")).timeout(ANSWER_WITHIN).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(listed.statusCode()).isEqualTo(200);
			JsonNode view = TestSocket.JSON.readTree(listed.body());
			assertThat(view).hasSize(TwitchAccounts.MAX_GENERATED_TOKENS + 1);
		}
	}

	private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.server.controlUri() + path))
			.header("Content-Type", "application/json")
			.timeout(ANSWER_WITHIN)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
