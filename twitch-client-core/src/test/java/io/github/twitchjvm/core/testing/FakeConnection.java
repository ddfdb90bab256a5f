package io.github.twitchjvm.core.testing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;

/**
 * One connection of a {@link FakeTransport}: the test plays the server. Sends complete at
 * once unless the test {@linkplain #stall() stalls} the peer, which then stops reading
 * and leaves every send unfinished.
 */
public final class FakeConnection implements WebSocketConnection {

	private final int number;

	private final URI uri;

	private final ConnectOptions options;

	private final WebSocketListener listener;

	private final CompletableFuture<WebSocketConnection> handshake = new CompletableFuture<>();

	private final List<String> sent = new ArrayList<>();

	private final List<CompletableFuture<Void>> unfinished = new ArrayList<>();

	private boolean stalled;

	private volatile boolean readingPaused;

	private boolean closed;

	private boolean aborted;

	private int closeCode;

	FakeConnection(int number, URI uri, ConnectOptions options, WebSocketListener listener) {
		this.number = number;
		this.uri = uri;
		this.options = options;
		this.listener = listener;
	}

	CompletableFuture<WebSocketConnection> handshake() {
		return this.handshake;
	}

	// --- the server's side ---

	/**
	 * Completes the handshake. If the client gave it up meanwhile, the connection is
	 * dropped, as a transport must.
	 * @return this connection
	 */
	public FakeConnection open() {
		if (!this.handshake.complete(this)) {
			this.aborted = true;
		}
		return this;
	}

	/**
	 * Fails the handshake.
	 * @return this connection
	 */
	public FakeConnection refuse() {
		this.handshake.completeExceptionally(new IOException("Connection refused"));
		return this;
	}

	/**
	 * @return whether the handshake is still under way (neither opened nor refused nor
	 * cancelled)
	 */
	public boolean connecting() {
		return !this.handshake.isDone();
	}

	/**
	 * @return whether the client gave up the handshake
	 */
	public boolean handshakeCancelled() {
		return this.handshake.isCancelled();
	}

	/**
	 * The server sends a text frame.
	 * @param text the frame
	 * @return this connection
	 */
	public FakeConnection receive(String text) {
		this.listener.onText(text);
		return this;
	}

	/**
	 * The server sends something the client cannot use (binary, too large).
	 * @param reason what it was
	 * @return this connection
	 */
	public FakeConnection receiveUnusable(String reason) {
		this.listener.onUnusableMessage(reason);
		return this;
	}

	/**
	 * The server closes with a close frame.
	 * @param code the close code
	 * @param reason the reason
	 * @return this connection
	 */
	public FakeConnection serverClose(int code, String reason) {
		this.listener.onClosed(code, reason);
		return this;
	}

	/**
	 * The connection breaks without a close frame.
	 * @return this connection
	 */
	public FakeConnection drop() {
		this.listener.onClosed(CloseCodes.NO_CLOSE_FRAME, "");
		return this;
	}

	/**
	 * The connection fails with an I/O error.
	 * @return this connection
	 */
	public FakeConnection fail() {
		this.listener.onError(new IOException("Connection reset"));
		return this;
	}

	/**
	 * The peer stops reading: sends from now on never finish.
	 * @return this connection
	 */
	public FakeConnection stall() {
		this.stalled = true;
		return this;
	}

	// --- what the client did ---

	/**
	 * @return the frames the client sent, in order (with a stalled peer: the frames
	 * handed to the connection)
	 */
	public List<String> sent() {
		return List.copyOf(this.sent);
	}

	/**
	 * @return the frames the client sent since the last call, and forgets them for the
	 * next
	 */
	public List<String> takeSent() {
		List<String> taken = List.copyOf(this.sent);
		this.sent.clear();
		return taken;
	}

	@Override
	public void pauseReading() {
		this.readingPaused = true;
	}

	@Override
	public void resumeReading() {
		this.readingPaused = false;
	}

	/**
	 * @return whether the client paused reading (and did not resume it yet)
	 */
	public boolean readingPaused() {
		return this.readingPaused;
	}

	/**
	 * @return whether the client closed the connection with a close frame
	 */
	public boolean closedByClient() {
		return this.closed;
	}

	/**
	 * @return the close code the client sent, or 0
	 */
	public int closeCode() {
		return this.closeCode;
	}

	/**
	 * @return whether the client dropped the connection without a close frame
	 */
	public boolean aborted() {
		return this.aborted;
	}

	/**
	 * @return whether the client let the connection go, one way or the other
	 */
	public boolean ended() {
		return this.closed || this.aborted;
	}

	/**
	 * @return the address the client connected to
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * @return the limits the client asked for
	 */
	public ConnectOptions options() {
		return this.options;
	}

	// --- WebSocketConnection ---

	@Override
	public CompletableFuture<Void> sendText(String text) {
		if (this.closed || this.aborted) {
			return CompletableFuture.failedFuture(new IOException("Output closed"));
		}
		this.sent.add(text);
		if (this.stalled) {
			CompletableFuture<Void> pending = new CompletableFuture<>();
			this.unfinished.add(pending);
			return pending;
		}
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void close(int code, String reason) {
		this.closed = true;
		this.closeCode = code;
	}

	@Override
	public void abort() {
		this.aborted = true;
		this.unfinished.forEach((send) -> send.completeExceptionally(new IOException("Aborted")));
		this.unfinished.clear();
	}

	@Override
	public String toString() {
		return "FakeConnection#" + this.number;
	}

}
