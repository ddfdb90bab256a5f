package io.github.twitchjvm.pubsub.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.github.twitchjvm.core.testing.HandshakeServer;
import io.github.twitchjvm.core.testing.SelfSignedTls;
import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.RedirectNotFollowedException;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransportTests.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link SpringWebSocketTransport} over Tomcat's container against servers that answer
 * the handshake the way a hostile server would: too slowly, without end, or with a
 * redirect. Tomcat's client alone reads such answers for ever, to the end of the heap,
 * and follows redirects to any host.
 */
class SpringWebSocketTransportHandshakeTests {

	private static final long MIB = 1024 * 1024;

	private final SpringWebSocketTransport transport = SpringWebSocketTransport.overTomcat();

	private final RecordingListener listener = new RecordingListener();

	@AfterEach
	void close() {
		this.transport.close();
	}

	@Test
	void failsAHandshakeDrippedByteByByteAtTheConnectTimeoutAndLetsTheSocketGo() throws Exception {
		try (HandshakeServer server = HandshakeServer.dripping()) {
			CompletableFuture<WebSocketConnection> connecting = this.transport.connect(server.uri(),
					new ConnectOptions(8192, Duration.ofMillis(500)), this.listener);

			await().atMost(Duration.ofSeconds(5)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.withCauseInstanceOf(TimeoutException.class);
			// The connecting thread was stopped and Tomcat closed the socket: the
			// server's
			// next byte finds no reader.
			await().atMost(Duration.ofSeconds(5)).until(() -> server.endedByClient() == 1);
			assertThat(this.listener.ends).isEmpty();
		}
	}

	@Test
	void givesUpOnEndlessHeadersOverTlsLongBeforeTheyFillTheHeap(@TempDir Path keys) throws Exception {
		SelfSignedTls tls = SelfSignedTls.create(keys);
		try (HandshakeServer server = HandshakeServer.endlessHeaders(tls.server());
				SpringWebSocketTransport overTls = SpringWebSocketTransport.overTomcat(tls.client())) {
			// A deadline far away: what stops the handshake is the bound on what the
			// server may send before the session opens.
			CompletableFuture<WebSocketConnection> connecting = overTls.connect(server.uri(),
					new ConnectOptions(8192, Duration.ofMinutes(1)), this.listener);

			await().atMost(Duration.ofSeconds(10)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.withRootCauseInstanceOf(SSLException.class)
				.withStackTraceContaining("before the WebSocket session opened");
			await().atMost(Duration.ofSeconds(5)).until(() -> server.endedByClient() == 1);
			// What the server wrote: the 64 KiB read, and what waits in socket buffers.
			assertThat(server.bytesWritten()).isLessThan(32 * MIB);
		}
	}

	@Test
	void connectsOverTlsThroughTheBoundedEngine(@TempDir Path keys) throws Exception {
		SelfSignedTls tls = SelfSignedTls.create(keys);
		try (HandshakeServer server = HandshakeServer.accepting(tls.server());
				SpringWebSocketTransport overTls = SpringWebSocketTransport.overTomcat(tls.client())) {
			WebSocketConnection connection = overTls
				.connect(server.uri(), new ConnectOptions(8192, Duration.ofSeconds(5)), this.listener)
				.get(10, TimeUnit.SECONDS);

			assertThat(server.connections()).isEqualTo(1);
			connection.close(CloseCodes.NORMAL, "");
		}
	}

	@Test
	void refusesARedirectNamingTheTarget() throws Exception {
		assertRefusesRedirect(this.transport);
	}

	@Test
	void refusesARedirectOverAStandardClientTheApplicationGave() throws Exception {
		// Its container is Tomcat's too (found through ContainerProvider), with Tomcat's
		// defaults.
		try (SpringWebSocketTransport overApplicationClient = SpringWebSocketTransport
			.of(new StandardWebSocketClient())) {
			assertRefusesRedirect(overApplicationClient);
		}
	}

	private void assertRefusesRedirect(SpringWebSocketTransport transport) throws Exception {
		try (HandshakeServer target = HandshakeServer.accepting();
				HandshakeServer redirecting = HandshakeServer.redirectingTo(target.uri())) {
			CompletableFuture<WebSocketConnection> connecting = transport.connect(redirecting.uri(),
					new ConnectOptions(8192, Duration.ofSeconds(5)), this.listener);

			await().atMost(Duration.ofSeconds(5)).until(connecting::isDone);
			assertThat(connecting).failsWithin(Duration.ZERO)
				.withThrowableOfType(Exception.class)
				.havingCause()
				.isInstanceOf(RedirectNotFollowedException.class)
				.withMessage("server answered a redirect to " + target.uri() + "; redirects are not followed");
			assertThat(redirecting.connections()).isEqualTo(1);
			assertThat(target.connections()).isZero();
		}
	}

}
