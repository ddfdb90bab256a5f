package io.github.twitchjvm.pubsub.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare PubSub client on the JDK's WebSocket, for testing the server: it sends frames as
 * given and hands back every frame it receives.
 */
final class TestSocket implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();

	/**
	 * Completes with the close code of a close frame, or -1 when the connection broke
	 * without one.
	 */
	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private volatile String closeReason = "";

	private final WebSocket socket;

	private final boolean reading;

	private TestSocket(URI uri, boolean reading) {
		this.reading = reading;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(TIMEOUT)
			.buildAsync(uri, new Listener())
			.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	static TestSocket connect(FakeTwitchServer server) {
		return listed(server, () -> new TestSocket(server.pubSubUri(), true));
	}

	/** A client that reads nothing after the handshake, as a stuck application would. */
	static TestSocket connectWithoutReading(FakeTwitchServer server) {
		return listed(server, () -> new TestSocket(server.pubSubUri(), false));
	}

	/**
	 * Connects and waits until the server lists the new connection: the client's
	 * handshake can finish before the server has registered it, and a fault sent to every
	 * connection would then miss it.
	 */
	private static TestSocket listed(FakeTwitchServer server, java.util.function.Supplier<TestSocket> connecting) {
		java.util.Set<String> before = new java.util.HashSet<>();
		server.connections().forEach((connection) -> before.add(connection.id()));
		TestSocket socket = connecting.get();
		org.awaitility.Awaitility.await()
			.atMost(TIMEOUT)
			.until(() -> server.connections().stream().anyMatch((connection) -> !before.contains(connection.id())));
		return socket;
	}

	TestSocket send(String frame) {
		this.socket.sendText(frame, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
		return this;
	}

	TestSocket listen(String nonce, String token, String... topics) {
		return send(request("LISTEN", nonce, token, topics));
	}

	static String request(String type, String nonce, String token, String... topics) {
		var data = JSON.createObjectNode();
		var array = data.putArray("topics");
		for (String topic : topics) {
			array.add(topic);
		}
		if (token != null) {
			data.put("auth_token", token);
		}
		var frame = JSON.createObjectNode();
		frame.put("type", type);
		frame.put("nonce", nonce);
		frame.set("data", data);
		return JSON.writeValueAsString(frame);
	}

	/** The next frame's text; fails after 10 seconds. */
	String nextText() {
		try {
			String frame = this.frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(frame).as("a frame within %s", TIMEOUT).isNotNull();
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode next() {
		return JSON.readTree(nextText());
	}

	/**
	 * Asserts the next frame is the RESPONSE to {@code nonce} with {@code error}, keys in
	 * Twitch's order.
	 */
	void expectResponse(String nonce, String error) {
		String text = nextText();
		assertThat(text).isEqualTo("{\"type\":\"RESPONSE\",\"error\":\"" + error + "\",\"nonce\":\"" + nonce + "\"}");
	}

	/**
	 * Asserts that nothing arrives for a while; only for checking absence, never to wait
	 * for something.
	 */
	void expectNothingFor(Duration quiet) throws InterruptedException {
		assertThat(this.frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	int awaitClose() {
		return this.closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	/** The reason of the close frame, once {@link #awaitClose()} returned. */
	String closeReason() {
		return this.closeReason;
	}

	CompletableFuture<Integer> closed() {
		return this.closed;
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.abort();
		}
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			if (TestSocket.this.reading) {
				webSocket.request(1);
			}
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				TestSocket.this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			TestSocket.this.closeReason = reason;
			TestSocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			TestSocket.this.closed.complete(-1);
		}

	}

}
