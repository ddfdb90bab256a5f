package io.github.twitchjvm.pubsub.test.eventsub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare EventSub client on the JDK's WebSocket (which answers pings by itself), for
 * testing the server: it hands back every message it receives.
 */
final class EventSubTestSocket implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	/** The close code of a close frame, or -1 when the connection broke without one. */
	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private volatile String closeReason = "";

	private final WebSocket socket;

	private EventSubTestSocket(URI uri) {
		this.socket = CLIENT.newWebSocketBuilder()
			.connectTimeout(TIMEOUT)
			.buildAsync(uri, new Listener())
			.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	static EventSubTestSocket connect(URI uri) {
		return new EventSubTestSocket(uri);
	}

	/** Connects and reads the welcome. */
	static EventSubTestSocket welcomed(URI uri) {
		EventSubTestSocket socket = connect(uri);
		assertThat(socket.next().at("/metadata/message_type").asString()).isEqualTo("session_welcome");
		return socket;
	}

	String text() {
		try {
			String message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message within %s", TIMEOUT).isNotNull();
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode next() {
		return JSON.readTree(text());
	}

	/** The next message that is not a keepalive. */
	JsonNode nextSkippingKeepalives() {
		while (true) {
			JsonNode message = next();
			if (!message.at("/metadata/message_type").asString().equals("session_keepalive")) {
				return message;
			}
		}
	}

	/**
	 * Every message that arrives within the period; only to check absence, never to wait.
	 */
	List<String> messagesWithin(Duration period) throws InterruptedException {
		List<String> received = new ArrayList<>();
		long end = System.nanoTime() + period.toNanos();
		for (long left = period.toNanos(); left > 0; left = end - System.nanoTime()) {
			String message = this.messages.poll(left, TimeUnit.NANOSECONDS);
			if (message != null) {
				received.add(message);
			}
		}
		return received;
	}

	void send(String text) {
		this.socket.sendText(text, true).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	void closeNormally() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	int awaitClose() {
		return this.closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
	}

	String closeReason() {
		return this.closeReason;
	}

	boolean isClosed() {
		return this.closed.isDone();
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
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				EventSubTestSocket.this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			EventSubTestSocket.this.closeReason = reason;
			EventSubTestSocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			EventSubTestSocket.this.closed.complete(-1);
		}

	}

}
