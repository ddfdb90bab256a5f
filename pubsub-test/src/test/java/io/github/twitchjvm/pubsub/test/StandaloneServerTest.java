package io.github.twitchjvm.pubsub.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandaloneServerTest {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	private final PrintStream err = new PrintStream(this.errors, true, StandardCharsets.UTF_8);

	@Test
	void startsWithDemoUsersAndPrintsWhereItListens() throws Exception {
		try (FakeTwitchServer server = FakeTwitchServerMain.run(new String[] { "--port", "0", "--control-port", "0" },
				this.out)) {
			String banner = this.output.toString(StandardCharsets.UTF_8);
			assertThat(banner).contains("PubSub WebSocket  " + server.pubSubUri())
				.contains("EventSub          " + server.eventSubUri())
				.contains("Helix             " + server.helixUri() + "/eventsub/subscriptions")
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
	void servesEventSubWithTheDemoTokens() throws Exception {
		try (FakeTwitchServer server = FakeTwitchServerMain.run(new String[] { "--port", "0", "--control-port", "0" },
				this.out)) {
			BlockingQueue<String> messages = new LinkedBlockingQueue<>();
			WebSocket socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(server.eventSubUri(), new WebSocket.Listener() {
					@Override
					public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
						messages.add(data.toString());
						webSocket.request(1);
						return null;
					}
				})
				.get(10, TimeUnit.SECONDS);
			try {
				String welcome = messages.poll(10, TimeUnit.SECONDS);
				assertThat(welcome).contains("session_welcome");
				String sessionId = TestSocket.JSON.readTree(welcome).at("/payload/session/id").asString();
				HttpResponse<String> created = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(server.helixUri() + "/eventsub/subscriptions"))
						.header("Authorization", "Bearer demobroadcastertoken0000000000")
						.header("Client-Id", TwitchAccounts.DEFAULT_CLIENT_ID)
						.POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"channel.cheer\",\"version\":\"1\","
								+ "\"condition\":{\"broadcaster_user_id\":\"" + DemoAccounts.BROADCASTER_ID + "\"},"
								+ "\"transport\":{\"method\":\"websocket\",\"session_id\":\"" + sessionId + "\"}}"))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
			}
			finally {
				socket.abort();
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
	void explainsAPortInUseInOneLineNamingTheOption() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			String port = String.valueOf(taken.getLocalPort());
			FakeTwitchServerMain.Launch launch = FakeTwitchServerMain
				.launch(new String[] { "--port", port, "--control-port", "0" }, this.out, this.err);
			assertThat(launch.server()).isNull();
			assertThat(launch.exitStatus()).isEqualTo(FakeTwitchServerMain.EXIT_CANNOT_START);
			assertThat(this.errors.toString(StandardCharsets.UTF_8)).hasLineCount(1)
				.contains("127.0.0.1:" + port)
				.contains("in use")
				.contains("--port");

			this.errors.reset();
			launch = FakeTwitchServerMain.launch(new String[] { "--port", "0", "--control-port", port }, this.out,
					this.err);
			assertThat(launch.exitStatus()).isEqualTo(FakeTwitchServerMain.EXIT_CANNOT_START);
			assertThat(this.errors.toString(StandardCharsets.UTF_8)).hasLineCount(1).contains("--control-port");
		}
	}

	@Test
	void theJavaCommandExitsWithOneLineWhenThePortIsInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			Process process = new ProcessBuilder(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), FakeTwitchServerMain.class.getName(), "--port",
							String.valueOf(taken.getLocalPort()), "--control-port", "0"))
				.start();
			try {
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
				String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.exitValue()).isNotZero();
				assertThat(errors).hasLineCount(1).contains("--port").doesNotContain("Exception");
			}
			finally {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void theReadmeShowsTheBannerOfTheDefaultPorts() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		try (FakeTwitchServer server = FakeTwitchServerMain.run(new String[] { "--port", "0", "--control-port", "0" },
				this.out)) {
			String banner = this.output.toString(StandardCharsets.UTF_8)
				.replace(":" + server.port(), ":" + FakeTwitchServerMain.DEFAULT_PORT)
				.replace(":" + server.controlPort(), ":" + FakeTwitchServerMain.DEFAULT_CONTROL_PORT);
			assertThat(readme).contains(banner.replace(System.lineSeparator(), "\n"));
		}
		assertThat(readme).contains("url: ws://127.0.0.1:" + FakeTwitchServerMain.DEFAULT_PORT)
			.contains("localhost:" + FakeTwitchServerMain.DEFAULT_CONTROL_PORT + "/publish")
			.doesNotContain("ws://127.0.0.1:8080");
		assertThat(FakeTwitchServerMain.DEFAULT_PORT).isNotIn(8080, 8081, 8443, 9090);
	}

	@Test
	void printsUsageForHelp() throws Exception {
		assertThat(FakeTwitchServerMain.run(new String[] { "--help" }, this.out)).isNull();
		assertThat(this.output.toString(StandardCharsets.UTF_8))
			.startsWith("Usage: java -jar pubsub-test-standalone.jar");
	}

}
