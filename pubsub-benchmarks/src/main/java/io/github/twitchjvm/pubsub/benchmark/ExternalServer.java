package io.github.twitchjvm.pubsub.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fake server in a JVM of its own, started from the benchmark jar with a token file,
 * so that the benchmark JVM's heap holds only the client. Usable only when running from
 * the shaded jar, whose class path has the server.
 */
final class ExternalServer implements AutoCloseable {

	private final Process process;

	private final URI uri;

	private ExternalServer(Process process, URI uri) {
		this.process = process;
		this.uri = uri;
	}

	static boolean available() {
		return System.getProperty("java.class.path", "").endsWith("pubsub-benchmarks.jar");
	}

	/**
	 * Starts a server with {@code count} channels (ids from {@code firstId}), each with a
	 * {@code bits:read} token.
	 */
	static ExternalServer start(int count, int firstId, Map<String, String> tokensOut) throws IOException {
		StringBuilder users = new StringBuilder();
		Map<String, String> tokens = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			String channel = String.valueOf(firstId + i);
			String token = String.format("scaletoken%020d", i);
			tokens.put(channel, token);
			users.append((i == 0) ? "" : ",")
				.append("{\"user_id\":\"")
				.append(channel)
				.append("\",\"login\":\"scale")
				.append(i)
				.append("\",\"tokens\":[{\"access_token\":\"")
				.append(token)
				.append("\",\"scopes\":[\"bits:read\"],\"expires_in\":86400}]}");
		}
		Path file = Files.createTempFile("scale-tokens", ".json");
		Files.writeString(file, "{\"users\":[" + users + "]}");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				"io.github.twitchjvm.pubsub.test.FakeTwitchServerMain", "--port", "0", "--control-port", "-1",
				"--tokens", file.toString()))
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			int at = line.indexOf("ws://");
			if (at >= 0) {
				tokensOut.putAll(tokens);
				Thread drain = new Thread(() -> out.lines().forEach((ignored) -> {
				}), "external-server-output");
				drain.setDaemon(true);
				drain.start();
				return new ExternalServer(process, URI.create(line.substring(at).trim()));
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("The external fake server did not start");
	}

	URI uri() {
		return this.uri;
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
