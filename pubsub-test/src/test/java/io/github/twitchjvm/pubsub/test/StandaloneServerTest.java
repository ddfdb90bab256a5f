package io.github.twitchjvm.pubsub.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandaloneServerTest {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	@Test
	void startsWithDemoUsersAndPrintsWhereItListens() throws Exception {
		try (FakeTwitchServer server = FakeTwitchServerMain.run(new String[] { "--port", "0", "--control-port", "0" },
				this.out)) {
			String banner = this.output.toString(StandardCharsets.UTF_8);
			assertThat(banner).contains("PubSub WebSocket  " + server.pubSubUri())
				.contains("Control API       " + server.controlUri())
				.contains("demo_broadcaster")
				.contains("demobroadcastertoken0000000000");
			try (TestSocket socket = TestSocket.connect(server)) {
				socket.listen("demo", "demobroadcastertoken0000000000", "whispers." + DemoAccounts.BROADCASTER_ID,
						"chat_moderator_actions." + DemoAccounts.MODERATOR_ID + "." + DemoAccounts.BROADCASTER_ID);
				socket.expectResponse("demo", "ERR_BADAUTH");
				socket.listen("ok", "demomoderatortoken000000000000",
						"chat_moderator_actions." + DemoAccounts.MODERATOR_ID + "." + DemoAccounts.BROADCASTER_ID);
				socket.expectResponse("ok", "");
			}
		}
	}

	@Test
	void loadsUsersAndTokensFromAFileAndMasksThemInTheBanner(@TempDir Path directory) throws Exception {
		Path tokens = directory.resolve("tokens.json");
		Files.writeString(tokens,
				"""
						{ "clients": [ { "client_id": "myclient", "client_secret": "mysecret" } ],
						  "users": [ { "user_id": "4242", "login": "filed",
						               "tokens": [ { "access_token": "filetoken00000000000000000000a",
						                             "refresh_token": "filerefresh000000000000000000a",
						                             "client_id": "myclient", "scopes": ["bits:read"], "expires_in": 60 } ] } ] }
						""");
		try (FakeTwitchServer server = FakeTwitchServerMain
			.run(new String[] { "--port", "0", "--control-port", "-1", "--tokens", tokens.toString() }, this.out)) {
			assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("filed")
				.doesNotContain("filetoken00000000000000000000a")
				.doesNotContain("demo_broadcaster");
			HttpResponse<String> refreshed = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.oauthUri() + "/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"
							+ "&refresh_token=filerefresh000000000000000000a&client_id=myclient&client_secret=mysecret"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refreshed.statusCode()).isEqualTo(200);
			assertThat(refreshed.body()).contains("\"scope\":[\"bits:read\"]");
		}
	}

	@Test
	void rejectsABadCommandLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeTwitchServerMain.run(new String[] { "--bogus" }, this.out))
			.withMessage("Unknown option --bogus");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeTwitchServerMain.run(new String[] { "--port", "http" }, this.out))
			.withMessage("--port needs a number, got http");
	}

	@Test
	void printsUsageForHelp() throws Exception {
		assertThat(FakeTwitchServerMain.run(new String[] { "--help" }, this.out)).isNull();
		assertThat(this.output.toString(StandardCharsets.UTF_8))
			.startsWith("Usage: java -jar pubsub-test-standalone.jar");
	}

}
