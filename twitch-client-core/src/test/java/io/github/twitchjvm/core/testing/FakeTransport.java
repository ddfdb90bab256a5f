package io.github.twitchjvm.core.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.core.transport.WebSocketTransport;

/**
 * A {@link WebSocketTransport} without a network, for an engine's unit tests: each
 * {@code connect} gives a {@link FakeConnection} that the test opens or fails, plays the
 * server's frames into, and reads what the client sent from. Callbacks run on the test's
 * thread.
 */
public final class FakeTransport implements WebSocketTransport {

	private final List<FakeConnection> connections = new ArrayList<>();

	private boolean closed;

	@Override
	public CompletableFuture<WebSocketConnection> connect(URI uri, ConnectOptions options, WebSocketListener listener) {
		FakeConnection connection = new FakeConnection(this.connections.size() + 1, uri, options, listener);
		this.connections.add(connection);
		return connection.handshake();
	}

	@Override
	public void close() {
		this.closed = true;
	}

	/**
	 * @return whether {@link #close()} was called
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * @return every connection attempt so far, in order
	 */
	public List<FakeConnection> connections() {
		return List.copyOf(this.connections);
	}

	/**
	 * @param number the attempt, counting from 1
	 * @return that connection attempt
	 */
	public FakeConnection connection(int number) {
		return this.connections.get(number - 1);
	}

	/**
	 * @return the latest connection attempt
	 * @throws IllegalStateException if there was none
	 */
	public FakeConnection last() {
		if (this.connections.isEmpty()) {
			throw new IllegalStateException("No connection was attempted");
		}
		return this.connections.get(this.connections.size() - 1);
	}

	/**
	 * @return how many connections were attempted
	 */
	public int attempts() {
		return this.connections.size();
	}

}
