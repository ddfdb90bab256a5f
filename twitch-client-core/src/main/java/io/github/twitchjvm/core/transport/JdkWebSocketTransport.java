package io.github.twitchjvm.core.transport;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * The transport on the JDK's own {@link java.net.http.WebSocket}: no dependency, no
 * servlet container, and one selector thread for all of a client's connections, which
 * also reads them (the client's listeners never block).
 *
 * <p>
 * What it trusts a server with, all the JDK's own doing: the opening handshake has the
 * connect timeout as its request timeout, which covers TCP, TLS and the response's
 * headers, so a response dripped byte by byte fails then; the response's headers are
 * capped ({@code jdk.http.maxHeaderSize}, 384 KiB by default); and the client follows no
 * redirect (its policy is the default, {@code NEVER}), which this transport reports as a
 * {@link RedirectNotFollowedException}. (The JDK leaves the socket of a response over the
 * header cap open, unread, until the transport is closed.)
 *
 * <p>
 * The transport owns its {@link HttpClient}. {@link #close()} shuts it down on Java 21
 * and later; on Java 17, which has no way to, the JDK ends the client's selector thread
 * once the transport is garbage collected.
 */
public final class JdkWebSocketTransport implements WebSocketTransport {

	/** Java 21's {@code HttpClient.shutdownNow()}, absent on 17. */
	private static final @Nullable MethodHandle SHUTDOWN_NOW = shutdownNow();

	/**
	 * Callbacks run where the JDK completes them, on its selector thread: every listener
	 * and send completion of this project is quick and never blocks.
	 */
	private static final Executor DIRECT = Runnable::run;

	private volatile @Nullable HttpClient http;

	private JdkWebSocketTransport(HttpClient http) {
		this.http = http;
	}

	/**
	 * Creates a transport with its own {@link HttpClient}.
	 * @return the transport
	 */
	public static JdkWebSocketTransport create() {
		return new JdkWebSocketTransport(HttpClient.newBuilder().executor(DIRECT).build());
	}

	@Override
	public CompletableFuture<WebSocketConnection> connect(URI uri, ConnectOptions options, WebSocketListener listener) {
		HttpClient client = this.http;
		if (client == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("The transport is closed"));
		}
		Reader reader = new Reader(listener, options.maxMessageSize());
		CompletableFuture<WebSocket> building = client.newWebSocketBuilder()
			.connectTimeout(options.connectTimeout())
			.buildAsync(uri, reader);
		CompletableFuture<WebSocketConnection> connected = building.handle((webSocket, error) -> {
			if (error != null) {
				throw new CompletionException(refusedRedirect(error));
			}
			return new Connection(webSocket, reader.demand());
		});
		connected.whenComplete((ignored, error) -> {
			if (connected.isCancelled()) {
				// The caller gave up: a handshake that still succeeds must not leave an
				// orphaned connection.
				building.thenAccept(WebSocket::abort);
			}
		});
		return connected;
	}

	/**
	 * The JDK's client follows no redirect (its policy is {@code NEVER} unless set
	 * otherwise, and the handshake only takes a 101), but says no more than "Unexpected
	 * HTTP response status code 302": this names the status and where the server pointed
	 * to.
	 */
	private static Throwable refusedRedirect(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		if (cause instanceof WebSocketHandshakeException handshake) {
			HttpResponse<?> response = handshake.getResponse();
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				String location = response.headers().firstValue("Location").orElse("(no Location header)");
				RedirectNotFollowedException refused = new RedirectNotFollowedException(status, location);
				refused.initCause(handshake);
				return refused;
			}
		}
		return cause;
	}

	@Override
	public void close() {
		HttpClient client = this.http;
		this.http = null;
		if (client != null && SHUTDOWN_NOW != null) {
			try {
				SHUTDOWN_NOW.invoke(client);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// Shutting down is best effort: without it the selector thread ends once
				// the client is collected.
			}
		}
	}

	private static @Nullable MethodHandle shutdownNow() {
		try {
			return MethodHandles.publicLookup()
				.findVirtual(HttpClient.class, "shutdownNow", MethodType.methodType(void.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "JdkWebSocketTransport";
	}

	/**
	 * The JDK's listener of one connection: parts put together, frames asked for a small
	 * window ahead, so that reading can be paused within a few messages.
	 */
	private static final class Reader implements WebSocket.Listener {

		private final WebSocketListener listener;

		private final TextAssembler text;

		private final ReadDemand demand = new ReadDemand();

		private boolean ended;

		Reader(WebSocketListener listener, int maxMessageSize) {
			this.listener = listener;
			this.text = new TextAssembler(maxMessageSize);
		}

		ReadDemand demand() {
			return this.demand;
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			this.demand.opened(webSocket);
		}

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.demand.consumed();
			this.text.accept(data, last, this.listener);
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			this.demand.consumed();
			if (last) {
				this.listener.onUnusableMessage("a binary message");
			}
			return null;
		}

		@Override
		public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			if (!this.ended) {
				this.ended = true;
				this.listener.onClosed(statusCode, reason);
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			if (!this.ended) {
				this.ended = true;
				this.listener.onError(error);
			}
		}

	}

	/** One open connection. */
	private static final class Connection implements WebSocketConnection {

		private final WebSocket webSocket;

		private final ReadDemand demand;

		Connection(WebSocket webSocket, ReadDemand demand) {
			this.webSocket = webSocket;
			this.demand = demand;
		}

		@Override
		public void pauseReading() {
			this.demand.pause();
		}

		@Override
		public void resumeReading() {
			this.demand.resume();
		}

		@Override
		public CompletableFuture<Void> sendText(String text) {
			return this.webSocket.sendText(text, true).thenApply((ignored) -> null);
		}

		@Override
		public void close(int code, String reason) {
			// The JDK finishes the closing handshake when the peer answers, and tells the
			// listener; a peer that
			// never answers is the caller's to abort.
			this.webSocket.sendClose(code, reason).whenComplete((ignored, error) -> {
				if (error != null) {
					this.webSocket.abort();
				}
			});
		}

		@Override
		public void abort() {
			this.webSocket.abort();
		}

	}

}
