package io.github.twitchjvm.pubsub.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link SpringWebSocketTransport} against the fake server, over Spring's standard client
 * and Tomcat's container: connecting, sending without blocking, messages larger than the
 * container's buffer, the size limit, how a connection ends, the connect timeout, and
 * closing the transport.
 */
@FakeTwitch
class SpringWebSocketTransportTests {

	private static final String PING = "{\"type\":\"PING\"}";

	private static final ConnectOptions OPTIONS = new ConnectOptions(1024 * 1024, Duration.ofSeconds(5));

	private FakeTwitchServer server;

	private SpringWebSocketTransport transport;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.transport = SpringWebSocketTransport.overTomcat();
	}

	@AfterEach
	void tearDown() {
		this.transport.close();
	}

	@Test
	void connectsSendsAndReceives() throws Exception {
		RecordingListener listener = new RecordingListener();
		WebSocketConnection connection = connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);

		CompletableFuture<Void> sent = connection.sendText(PING);
		sent.get(5, TimeUnit.SECONDS);
		await().untilAsserted(() -> assertThat(listener.texts).singleElement().asString().contains("PONG"));
		assertThat(listener.ends).isEmpty();
	}

	@Test
	void putsTogetherAMessageLargerThanTheContainersBuffer() throws Exception {
		RecordingListener listener = new RecordingListener();
		connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		// Tomcat's buffer of this transport holds 8 K characters: the message can only
		// arrive in parts.
		String large = message(100_000);
		this.server.faults().sendRaw(null, large);
		await().until(() -> !listener.texts.isEmpty());
		assertThat(listener.texts).containsExactly(large);
		assertThat(listener.unusable).isEmpty();
	}

	@Test
	void aBinaryMessageInManyFramesIsSkippedOnce() throws Exception {
		RecordingListener listener = new RecordingListener();
		connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		this.server.faults().sendBinary(null, 64 * 1024, 16);
		this.server.faults().sendRaw(null, message(10));
		await().until(() -> listener.texts.size() == 1);
		assertThat(listener.unusable).containsExactly("a binary message");
		assertThat(listener.ends).isEmpty();
	}

	@Test
	void pausedReadingHoldsMessagesBackUntilItResumes() throws Exception {
		RecordingListener listener = new RecordingListener();
		WebSocketConnection connection = connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		connection.pauseReading();
		this.server.faults().sendRaw(null, message(100));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(listener.texts::isEmpty);

		connection.resumeReading();
		await().until(() -> listener.texts.size() == 1);
		assertThat(listener.ends).isEmpty();
	}

	@Test
	void skipsAMessageOverTheLimitAndGoesOn() throws Exception {
		RecordingListener listener = new RecordingListener();
		WebSocketConnection connection = connect(this.transport, listener,
				new ConnectOptions(20_000, Duration.ofSeconds(5)));
		await().until(() -> this.server.connections().size() == 1);
		this.server.faults().sendRaw(null, message(50_000));
		await().until(() -> !listener.unusable.isEmpty());
		assertThat(listener.unusable).singleElement().asString().contains("50000 characters");

		connection.sendText(PING).get(5, TimeUnit.SECONDS);
		await().untilAsserted(() -> assertThat(listener.texts).singleElement().asString().contains("PONG"));
		assertThat(listener.ends).isEmpty();
	}

	@Test
	void reportsTheServersCloseFrame() throws Exception {
		RecordingListener listener = new RecordingListener();
		connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		this.server.faults().close(null, 4000, "going away for a test");
		await().until(() -> !listener.ends.isEmpty());
		assertThat(listener.ends).containsExactly("closed 4000 going away for a test");
	}

	@Test
	void reportsAConnectionThatEndedWithoutACloseFrameAs1006() throws Exception {
		RecordingListener listener = new RecordingListener();
		connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		this.server.faults().drop(null);
		await().until(() -> !listener.ends.isEmpty());
		assertThat(listener.ends).singleElement().asString().startsWith("closed " + CloseCodes.NO_CLOSE_FRAME + " ");
	}

	@Test
	void closesWithTheGivenCode() throws Exception {
		RecordingListener listener = new RecordingListener();
		WebSocketConnection connection = connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		connection.close(CloseCodes.NORMAL, "done");
		await().until(() -> this.server.connections().isEmpty());
	}

	@Test
	void sendsWithoutJsr356OnThreadsOfItsOwn() throws Exception {
		// A decorated session offers Spring's blocking sendMessage only.
		List<String> senders = new CopyOnWriteArrayList<>();
		try (SpringWebSocketTransport overDecorated = SpringWebSocketTransport
			.of(new DecoratingClient(new StandardWebSocketClient(), senders))) {
			RecordingListener listener = new RecordingListener();
			WebSocketConnection connection = connect(overDecorated, listener);
			await().until(() -> this.server.connections().size() == 1);
			for (int i = 0; i < 3; i++) {
				connection.sendText(PING).get(5, TimeUnit.SECONDS);
			}
			await().until(() -> listener.texts.size() == 3);
			String caller = Thread.currentThread().getName();
			assertThat(senders).hasSize(3)
				.allSatisfy((thread) -> assertThat(thread).startsWith("pubsub-ws-send-").isNotEqualTo(caller));
			connection.close(CloseCodes.NORMAL, "");
			await().until(() -> this.server.connections().isEmpty());
		}
	}

	@Test
	void failsAConnectionAttemptThatTakesTooLong() throws IOException {
		// Accepts TCP connections (the backlog) but never answers the handshake.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			RecordingListener listener = new RecordingListener();
			long start = System.nanoTime();
			CompletableFuture<WebSocketConnection> connecting = this.transport.connect(
					URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"),
					new ConnectOptions(8192, Duration.ofMillis(300)), listener);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connecting.get(5, TimeUnit.SECONDS))
				.withCauseInstanceOf(TimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(listener.ends).isEmpty();
		}
	}

	@Test
	void connectingReturnsAtOnce() {
		RecordingListener listener = new RecordingListener();
		this.server.faults().refuseConnections(Duration.ofSeconds(5));
		long start = System.nanoTime();
		CompletableFuture<WebSocketConnection> connecting = this.transport.connect(this.server.pubSubUri(), OPTIONS,
				listener);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connecting.get(10, TimeUnit.SECONDS));
		this.server.faults().acceptConnections();
	}

	@Test
	void closingTheTransportEndsItsConnectionsAndRefusesNewOnes() throws Exception {
		RecordingListener listener = new RecordingListener();
		connect(this.transport, listener);
		await().until(() -> this.server.connections().size() == 1);
		this.transport.close();
		await().until(() -> this.server.connections().isEmpty());
		assertThat(this.transport.connect(this.server.pubSubUri(), OPTIONS, listener)).isCompletedExceptionally();
	}

	private WebSocketConnection connect(SpringWebSocketTransport transport, WebSocketListener listener)
			throws Exception {
		return connect(transport, listener, OPTIONS);
	}

	private WebSocketConnection connect(SpringWebSocketTransport transport, WebSocketListener listener,
			ConnectOptions options) throws Exception {
		return transport.connect(this.server.pubSubUri(), options, listener).get(10, TimeUnit.SECONDS);
	}

	/** A text message of the given length, not JSON: the transport does not care. */
	private static String message(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + (i % 26)));
		}
		return text.toString();
	}

	/** What a connection reported. */
	static final class RecordingListener implements WebSocketListener {

		final List<String> texts = new CopyOnWriteArrayList<>();

		final List<String> unusable = new CopyOnWriteArrayList<>();

		final List<String> ends = new CopyOnWriteArrayList<>();

		@Override
		public void onText(String message) {
			this.texts.add(message);
		}

		@Override
		public void onUnusableMessage(String reason) {
			this.unusable.add(reason);
		}

		@Override
		public void onClosed(int code, String reason) {
			this.ends.add("closed " + code + " " + reason);
		}

		@Override
		public void onError(Throwable error) {
			this.ends.add("error " + error);
		}

	}

	/**
	 * Hands out sessions behind a decorator, as a SockJS or a decorating client would;
	 * notes who sends.
	 */
	static final class DecoratingClient implements WebSocketClient {

		private final WebSocketClient delegate;

		private final List<String> senders;

		DecoratingClient(WebSocketClient delegate, List<String> senders) {
			this.delegate = delegate;
			this.senders = senders;
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
				Object... uriVariables) {
			return this.delegate.execute(handler, uriTemplate, uriVariables).thenApply(this::decorate);
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler,
				@Nullable WebSocketHttpHeaders headers, URI uri) {
			return this.delegate.execute(handler, headers, uri).thenApply(this::decorate);
		}

		private WebSocketSession decorate(WebSocketSession session) {
			return new WebSocketSessionDecorator(session) {

				@Override
				public void sendMessage(WebSocketMessage<?> message) throws IOException {
					DecoratingClient.this.senders.add(Thread.currentThread().getName());
					super.sendMessage(message);
				}

			};
		}

	}

}
