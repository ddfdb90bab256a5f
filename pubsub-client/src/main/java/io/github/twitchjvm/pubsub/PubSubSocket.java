package io.github.twitchjvm.pubsub;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import io.github.twitchjvm.pubsub.protocol.InboundFrame;
import io.github.twitchjvm.pubsub.protocol.InboundFrames;
import io.github.twitchjvm.pubsub.protocol.MalformedFrameException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import org.jspecify.annotations.Nullable;

/**
 * One WebSocket to the PubSub server. It parses every frame on the transport's reading thread: MESSAGEs go straight
 * to their topic's route, everything else to the pool, under the pool's lock. Requests waiting for their RESPONSE
 * and the PING/PONG timers belong to the socket and die with it.
 */
final class PubSubSocket implements WebSocketHandler {

	private final String id;

	private final ConnectionPool pool;

	private final Slot slot;

	/** Requests sent on this socket, by nonce; guarded by the pool's lock. */
	private final Map<String, PendingRequest> pending = new HashMap<>();

	private volatile @Nullable WebSocketSession session;

	private final Object sendLock = new Object();

	private final int maxMessageSize;

	/** The parts of a message received so far; touched only by the transport's reading thread. */
	private final StringBuilder partial = new StringBuilder();

	private boolean discarding;

	private @Nullable ScheduledFuture<?> pingTask;

	private @Nullable ScheduledFuture<?> pongDeadline;

	private long pingSentNanos;

	private volatile @Nullable Instant lastPongAt;

	private volatile @Nullable Duration pingRoundTrip;

	private volatile boolean closedByClient;

	private volatile @Nullable String closeCause;

	/** As the old socket of a handover: UNLISTENs sent and not yet answered (guarded by the pool's lock). */
	int handoverUnlistens;

	PubSubSocket(String id, ConnectionPool pool, Slot slot, int maxMessageSize) {
		this.id = id;
		this.pool = pool;
		this.slot = slot;
		this.maxMessageSize = maxMessageSize;
	}

	String id() {
		return this.id;
	}

	Slot slot() {
		return this.slot;
	}

	Map<String, PendingRequest> pending() {
		return this.pending;
	}

	CompletableFuture<WebSocketSession> open(org.springframework.web.socket.client.WebSocketClient client,
			java.net.URI uri) {
		return client.execute(this, new WebSocketHttpHeaders(), uri);
	}

	boolean isOpen() {
		WebSocketSession current = this.session;
		return current != null && current.isOpen();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		this.session = session;
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		if (!(message instanceof TextMessage text)) {
			this.pool.badFrame(this, "a non-text frame");
			return;
		}
		String payload = text.getPayload();
		if (text.isLast() && this.partial.length() == 0 && !this.discarding) {
			handleFrame(payload);
			return;
		}
		// A message larger than the transport's buffer arrives in parts: put it together, up to the size limit.
		if (!this.discarding && this.partial.length() + payload.length() > this.maxMessageSize) {
			this.partial.setLength(0);
			this.discarding = true;
			this.pool.badFrame(this, "a message over maxMessageSize (" + this.maxMessageSize + " characters)");
		}
		if (!this.discarding) {
			this.partial.append(payload);
		}
		if (text.isLast()) {
			boolean complete = !this.discarding;
			this.discarding = false;
			if (complete) {
				String whole = this.partial.toString();
				this.partial.setLength(0);
				handleFrame(whole);
			}
		}
	}

	private void handleFrame(String text) {
		InboundFrame frame;
		try {
			frame = InboundFrames.parse(text);
		}
		catch (MalformedFrameException ex) {
			this.pool.badFrame(this, ex.getMessage());
			return;
		}
		if (frame instanceof InboundFrame.Message published) {
			this.pool.route(this, published);
		}
		else {
			this.pool.frame(this, frame);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable error) {
		if (this.closeCause == null) {
			this.closeCause = "error";
		}
		this.pool.socketEnded(this, "error: " + error.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		if (this.closeCause == null) {
			// 1006: the connection broke without a close frame, which is an error rather than a close.
			this.closeCause = (status.getCode() == CloseStatus.NO_CLOSE_FRAME.getCode()) ? "error" : "closed";
		}
		this.pool.socketEnded(this, "closed with " + status.getCode()
				+ ((status.getReason() != null && !status.getReason().isEmpty()) ? " (" + status.getReason() + ")" : ""));
	}

	/** Parts of large messages, so the transport's buffer per socket can stay small. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	/**
	 * Sends a frame.
	 * @return whether it was handed to the socket
	 */
	boolean send(String frame) {
		WebSocketSession current = this.session;
		if (current == null || !current.isOpen()) {
			return false;
		}
		try {
			synchronized (this.sendLock) {
				current.sendMessage(new TextMessage(frame));
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			this.closeCause = "error";
			abort();
			return false;
		}
	}

	/** Closes on purpose: no reconnect follows. */
	void close() {
		this.closedByClient = true;
		closeSession(CloseStatus.NORMAL);
	}

	/** Closes because the connection is broken (no PONG, send failure); the pool reconnects. */
	void abort() {
		closeSession(CloseStatus.GOING_AWAY);
	}

	private void closeSession(CloseStatus status) {
		WebSocketSession current = this.session;
		if (current != null) {
			try {
				current.close(status);
			}
			catch (IOException | RuntimeException ex) {
				// Closing a broken socket may fail; it is gone either way and the close callback follows.
			}
		}
	}

	boolean closedByClient() {
		return this.closedByClient;
	}

	String closeCause() {
		String cause = this.closeCause;
		return (cause != null) ? cause : "closed";
	}

	void closeCause(String cause) {
		this.closeCause = cause;
	}

	void pingTask(@Nullable ScheduledFuture<?> task) {
		cancel(this.pingTask);
		this.pingTask = task;
	}

	void pingSent(ScheduledFuture<?> deadline) {
		this.pingSentNanos = System.nanoTime();
		cancel(this.pongDeadline);
		this.pongDeadline = deadline;
	}

	/** @return the round trip of the PING it answers, or {@code null} for a PONG no PING asked for */
	@Nullable Duration pongReceived() {
		boolean expected = this.pongDeadline != null;
		cancel(this.pongDeadline);
		this.pongDeadline = null;
		this.lastPongAt = Instant.now();
		if (!expected) {
			return null;
		}
		Duration roundTrip = Duration.ofNanos(System.nanoTime() - this.pingSentNanos);
		this.pingRoundTrip = roundTrip;
		return roundTrip;
	}

	@Nullable Instant lastPongAt() {
		return this.lastPongAt;
	}

	@Nullable Duration pingRoundTrip() {
		return this.pingRoundTrip;
	}

	void cancelTimers() {
		cancel(this.pingTask);
		cancel(this.pongDeadline);
		this.pingTask = null;
		this.pongDeadline = null;
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	@Override
	public String toString() {
		return this.id;
	}

}
