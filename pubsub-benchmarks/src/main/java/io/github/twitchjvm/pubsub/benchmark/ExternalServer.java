package io.github.twitchjvm.pubsub.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake server in a JVM of its own, started from the benchmark jar with a token file,
 * so that the benchmark JVM's heap holds only the client. Usable only when running from
 * the shaded jar, whose class path has the server.
 */
final class ExternalServer implements AutoCloseable, BurstServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final URI uri;

	private final @Nullable URI control;

	private final HttpClient http = HttpClient.newHttpClient();

	private ExternalServer(Process process, URI uri, @Nullable URI control) {
		this.process = process;
		this.uri = uri;
		this.control = control;
	}

	static boolean available() {
		return System.getProperty("java.class.path", "").endsWith("pubsub-benchmarks.jar");
	}

	/**
	 * Starts a server with {@code count} channels (ids from {@code firstId}), each with a
	 * {@code bits:read} token.
	 */
	static ExternalServer start(int count, int firstId, Map<String, String> tokensOut) throws IOException {
		return start(count, firstId, "scale", "bits:read", false, tokensOut);
	}

	/**
	 * Starts a server for bursts: one user ({@code userId}) with a {@code whispers:read}
	 * token, and the control API, through which {@link #burst} asks for them.
	 */
	static ExternalServer startForBursts(String userId, Map<String, String> tokensOut) throws IOException {
		return start(1, Integer.parseInt(userId), "burst", "whispers:read", true, tokensOut);
	}

	/**
	 * Starts a server for EventSub bursts: one user ({@code userId}) with a
	 * {@code bits:read} token, and the control API.
	 */
	static ExternalServer startForEventSubBursts(String userId, Map<String, String> tokensOut) throws IOException {
		return start(1, Integer.parseInt(userId), "eventsub", "bits:read", true, tokensOut);
	}

	private static ExternalServer start(int count, int firstId, String login, String scope, boolean control,
			Map<String, String> tokensOut) throws IOException {
		StringBuilder users = new StringBuilder();
		Map<String, String> tokens = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String channel = String.valueOf(firstId + i);
			String token = String.format("%stoken%020d", login, i);
			tokens.put(channel, token);
			users.append((i == 0) ? "" : ",")
				.append("{\"user_id\":\"")
				.append(channel)
				.append("\",\"login\":\"")
				.append(login)
				.append(i)
				.append("\",\"tokens\":[{\"access_token\":\"")
				.append(token)
				.append("\",\"scopes\":[\"")
				.append(scope)
				.append("\"],\"expires_in\":86400}]}");
		}
		Path file = Files.createTempFile("scale-tokens", ".json");
		Files.writeString(file, "{\"users\":[" + users + "]}");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.github.twitchjvm.pubsub.test.FakeTwitchServerMain", "--port", "0", "--control-port",
				control ? "0" : "-1", "--tokens", file.toString()))
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		URI pubSub = null;
		while ((line = out.readLine()) != null) {
			int at = line.indexOf("ws://");
			// The banner lists the PubSub address first, then EventSub's.
			if (at >= 0 && pubSub == null) {
				pubSub = URI.create(line.substring(at).trim());
				continue;
			}
			if (pubSub != null && line.contains("Control API")) {
				int http = line.indexOf("http://");
				tokensOut.putAll(tokens);
				Thread drain = new Thread(() -> out.lines().forEach((ignored) -> {
				}), "external-server-output");
				drain.setDaemon(true);
				drain.start();
				return new ExternalServer(process, pubSub,
						(http >= 0) ? URI.create(line.substring(http).trim()) : null);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("The external fake server did not start");
	}

	URI uri() {
		return this.uri;
	}

	@Override
	public URI pubSubUri() {
		return this.uri;
	}

	@Override
	public void burst(String topic, int count, String message) throws IOException, InterruptedException {
		URI api = this.control;
		if (api == null) {
			throw new IllegalStateException("This server was started without its control API");
		}
		String body = JSON.writeValueAsString(Map.of("topic", topic, "message", message, "count", count));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(api + "/burst"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(3))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The burst failed: " + response.statusCode() + " " + response.body());
		}
	}

	@Override
	public String where() {
		return "in a JVM of its own";
	}

	/** The EventSub WebSocket endpoint, beside PubSub's on the same port. */
	URI eventSubUri() {
		return URI.create(this.uri + "/ws");
	}

	/** The Helix base, beside PubSub's on the same port. */
	URI helixUri() {
		return URI.create("http://" + this.uri.getHost() + ":" + this.uri.getPort() + "/helix");
	}

	/** Asks for {@code count} notifications to one subscription; returns once written. */
	void burstEventSub(String subscriptionId, int count, String eventJson) throws IOException, InterruptedException {
		URI api = this.control;
		if (api == null) {
			throw new IllegalStateException("This server was started without its control API");
		}
		String body = "{\"subscription_id\":" + JSON.writeValueAsString(subscriptionId) + ",\"count\":" + count
				+ ",\"event\":" + eventJson + "}";
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(api + "/eventsub/burst"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(3))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The burst failed: " + response.statusCode() + " " + response.body());
		}
	}

	@Override
	public int listeners(String topic) throws IOException, InterruptedException {
		URI api = this.control;
		if (api == null) {
			throw new IllegalStateException("This server was started without its control API");
		}
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(api + "/connections")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		int listening = 0;
		for (tools.jackson.databind.JsonNode connection : JSON.readTree(response.body())) {
			for (tools.jackson.databind.JsonNode listened : connection.path("topics")) {
				if (topic.equals(listened.asString())) {
					listening++;
				}
			}
		}
		return listening;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
