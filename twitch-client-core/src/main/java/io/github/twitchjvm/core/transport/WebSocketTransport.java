package io.github.twitchjvm.core.transport;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Opens WebSocket connections for a client: the SPI between the protocol engines and a
 * WebSocket library. The default is {@link JdkWebSocketTransport}; the Spring Boot
 * integration adapts Spring's {@code WebSocketClient}.
 *
 * <p>
 * An implementation must never block the calling thread (engines call it from their event
 * loop), must deliver whole text messages up to {@link ConnectOptions#maxMessageSize()}
 * (larger ones are skipped and reported, the connection stays), and must call its
 * listener on one thread at a time per connection. It must also hold to what a client
 * trusts a server with: the whole opening fits in
 * {@link ConnectOptions#connectTimeout()}, the handshake's response is bounded in size,
 * and a redirect is never followed (the attempt fails with a
 * {@link RedirectNotFollowedException}).
 */
public interface WebSocketTransport extends AutoCloseable {

	/**
	 * Opens a connection.
	 * @param uri the server, {@code ws://} or {@code wss://}
	 * @param options limits for this connection
	 * @param listener receives the connection's messages and its end, from the
	 * transport's threads
	 * @return completes with the open connection once the handshake succeeded, or
	 * exceptionally; the caller may cancel it when it takes too long, and the transport
	 * then drops a connection that opens after all
	 */
	CompletableFuture<WebSocketConnection> connect(URI uri, ConnectOptions options, WebSocketListener listener);

	/**
	 * Releases what the transport owns (threads, selectors); connections still open are
	 * aborted. A transport the application gave a client is closed by the application,
	 * not by the client.
	 */
	@Override
	default void close() {
	}

}
