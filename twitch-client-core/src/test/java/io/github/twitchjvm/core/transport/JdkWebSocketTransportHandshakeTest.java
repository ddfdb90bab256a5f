package io.github.twitchjvm.core.transport;

import java.net.ProtocolException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.testing.HandshakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link JdkWebSocketTransport} against servers that answer the handshake the way a
 * hostile server would: too slowly, without end, or with a redirect.
 */
class JdkWebSocketTransportHandshakeTest {

	private static final long MIB = 1024 * 1024;

	private final JdkWebSocketTransport transport = JdkWebSocketTransport.create();

	private final List<String> heard = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.transport.close();
	}

	@Test
	void failsAHandshakeDrippedByteByByteAtTheConnectTimeoutAndLetsTheSocketGo() throws Exception {
		try (HandshakeServer server = HandshakeServer.dripping()) {
			CompletableFuture<WebSocketConnection> connecting = this.transport.connect(server.uri(),
					new ConnectOptions(8192, Duration.ofMillis(500)), new Recording(this.heard));

			await().atMost(Duration.ofSeconds(5)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.withRootCauseInstanceOf(HttpTimeoutException.class);
			// The JDK closed the socket: the server's next byte finds no reader.
			await().atMost(Duration.ofSeconds(5)).until(() -> server.endedByClient() == 1);
			assertThat(this.heard).isEmpty();
		}
	}

	@Test
	void givesUpOnEndlessHeadersLongBeforeTheyFillTheHeap() throws Exception {
		try (HandshakeServer server = HandshakeServer.endlessHeaders()) {
			// A deadline far away: what stops the handshake is the JDK's cap on header
			// size (jdk.http.maxHeaderSize, 384 KiB by default).
			CompletableFuture<WebSocketConnection> connecting = this.transport.connect(server.uri(),
					new ConnectOptions(8192, Duration.ofMinutes(1)), new Recording(this.heard));

			await().atMost(Duration.ofSeconds(10)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.withRootCauseInstanceOf(ProtocolException.class);
			// What the server wrote: the 384 KiB the JDK read, and what waits in the
			// socket buffers.
			assertThat(server.bytesWritten()).isLessThan(32 * MIB);
		}
	}

	@Test
	void refusesARedirectNamingTheStatusAndTheTarget() throws Exception {
		try (HandshakeServer target = HandshakeServer.accepting();
				HandshakeServer redirecting = HandshakeServer.redirectingTo(target.uri())) {
			CompletableFuture<WebSocketConnection> connecting = this.transport.connect(redirecting.uri(),
					new ConnectOptions(8192, Duration.ofSeconds(5)), new Recording(this.heard));

			await().atMost(Duration.ofSeconds(5)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.havingCause()
				.isInstanceOf(RedirectNotFollowedException.class)
				.withMessage("server answered 302 redirect to " + target.uri() + "; redirects are not followed");
			assertThat(redirecting.connections()).isEqualTo(1);
			assertThat(target.connections()).isZero();
		}
	}

	/** Notes whatever a connection reports. */
	private record Recording(List<String> heard) implements WebSocketListener {

		@Override
		public void onText(String message) {
			this.heard.add("text " + message);
		}

		@Override
		public void onUnusableMessage(String reason) {
			this.heard.add("unusable " + reason);
		}

		@Override
		public void onClosed(int code, String reason) {
			this.heard.add("closed " + code);
		}

		@Override
		public void onError(Throwable error) {
			this.heard.add("error " + error);
		}

	}

}
