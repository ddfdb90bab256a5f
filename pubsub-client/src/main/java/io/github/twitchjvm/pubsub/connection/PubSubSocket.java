package io.github.twitchjvm.pubsub.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EngineLoop.Scheduled;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.OutboundQueue;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.protocol.InboundFrame;
import io.github.twitchjvm.pubsub.protocol.InboundFrames;
import io.github.twitchjvm.pubsub.protocol.MalformedFrameException;
import io.github.twitchjvm.pubsub.protocol.OutboundFrames;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to the PubSub server, from connecting to its end. It owns its connection
 * and outbound queue, its PING/PONG keep-alive, and its requests waiting for their
 * RESPONSE; it tells the engine what happened through {@link SocketEvents} and hands
 * MESSAGE frames to {@link MessageRoutes} on its reading thread.
 *
 * <p>
 * Threads: the public methods and every timer run on the engine's loop, and so does
 * everything the socket reports, except MESSAGE frames (and
 * {@link SocketEvents#badFrame}): those are parsed, in one streaming pass, and routed on
 * the transport's reading thread, so that the loop never sees the message stream. An end
 * is always reported later on the loop, never from inside a call the engine made, so the
 * engine is never re-entered.
 */
public final class PubSubSocket implements WebSocketListener, QueueBudget.Reading {

	private static final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(PubSubSocket.class),
			Duration.ofSeconds(10));

	private static final String PING = OutboundFrames.ping();

	private enum State {

		NEW, CONNECTING, OPEN, ENDED

	}

	private final String id;

	private final EngineLoop loop;

	private final SocketSettings settings;

	private final SocketEvents events;

	private final MessageRoutes routes;

	// Everything below belongs to the engine's loop.

	private State state = State.NEW;

	private @Nullable CompletableFuture<WebSocketConnection> handshake;

	/**
	 * The client paused reading: deadlines for answers are held (they restart) meanwhile,
	 * since an answer may be waiting unread.
	 */
	private volatile boolean readingPaused;

	/** Written on the loop; read also by threads that pause and resume reading. */
	private volatile @Nullable WebSocketConnection connection;

	private @Nullable OutboundQueue outbound;

	private final Map<String, Pending> pending = new HashMap<>();

	private Scheduled connectDeadline = Scheduled.NONE;

	private Scheduled pingTimer = Scheduled.NONE;

	private Scheduled pongDeadline = Scheduled.NONE;

	private Scheduled closeDeadline = Scheduled.NONE;

	private boolean keepalive = true;

	private boolean pongExpected;

	private long pingSentNanos;

	private @Nullable Instant lastPongAt;

	private @Nullable Duration pingRoundTrip;

	private boolean closedByClient;

	/**
	 * Why the socket is being ended, once the client decided it: wins over what the
	 * transport reports after.
	 */
	private @Nullable ReconnectCause endCause;

	private @Nullable String endDetail;

	/**
	 * Creates a socket; nothing happens until {@link #connect(WebSocketTransport)}.
	 * @param id the socket's id in logs, such as {@code pubsub-1#2}
	 * @param loop the engine's loop
	 * @param settings what every socket of the client shares
	 * @param events told about the socket's life, on the loop
	 * @param routes takes MESSAGE frames, on the reading thread
	 */
	public PubSubSocket(String id, EngineLoop loop, SocketSettings settings, SocketEvents events,
			MessageRoutes routes) {
		this.id = id;
		this.loop = loop;
		this.settings = settings;
		this.events = events;
		this.routes = routes;
	}

	/**
	 * @return the socket's id, such as {@code pubsub-1#2}
	 */
	public String id() {
		return this.id;
	}

	// --- life ---

	/**
	 * Connects, within the connect timeout; {@link SocketEvents#opened} or
	 * {@link SocketEvents#ended} follows.
	 * @param transport the transport to connect with
	 */
	public void connect(WebSocketTransport transport) {
		if (this.state != State.NEW) {
			throw new IllegalStateException("Socket " + this.id + " was connected already");
		}
		this.state = State.CONNECTING;
		CompletableFuture<WebSocketConnection> started = startHandshake(transport);
		this.handshake = started;
		Duration timeout = this.settings.connect().connectTimeout();
		this.connectDeadline = this.loop.schedule(timeout, () -> {
			if (this.state == State.CONNECTING) {
				started.cancel(false);
				end(ReconnectCause.CONNECT_FAILED, "connect failed: no connection within " + timeout);
			}
		});
		started.whenComplete((opened, error) -> onLoop(() -> handshakeDone(opened, error)));
	}

	private CompletableFuture<WebSocketConnection> startHandshake(WebSocketTransport transport) {
		try {
			return transport.connect(this.settings.uri(), this.settings.connect(), this);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void handshakeDone(@Nullable WebSocketConnection opened, @Nullable Throwable error) {
		if (this.state != State.CONNECTING || this.closedByClient || this.endCause != null) {
			// Timed out, closed or given up meanwhile: nobody will use it.
			if (opened != null) {
				opened.abort();
			}
			return;
		}
		this.connectDeadline.cancel();
		if (opened == null) {
			end(ReconnectCause.CONNECT_FAILED, "connect failed: " + rootMessage(error));
			return;
		}
		this.connection = opened;
		this.outbound = new OutboundQueue(opened, this.settings.maxQueuedCharacters(),
				(failure) -> onLoop(() -> abort(ReconnectCause.ERROR, "send failed: " + rootMessage(failure))));
		this.state = State.OPEN;
		schedulePing();
		this.events.opened(this);
	}

	/**
	 * Stops reading until {@link #resumeReading()}: the client's handlers are behind. Any
	 * thread.
	 */
	@Override
	public void pauseReading() {
		this.readingPaused = true;
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.pauseReading();
		}
	}

	/**
	 * Reads again. Any thread.
	 */
	@Override
	public void resumeReading() {
		this.readingPaused = false;
		WebSocketConnection open = this.connection;
		if (open != null) {
			open.resumeReading();
		}
	}

	/**
	 * @return whether the socket is open: connected and not ended
	 */
	public boolean isOpen() {
		return this.state == State.OPEN;
	}

	/**
	 * @return whether the socket ended (or is being closed by the client)
	 */
	public boolean isEnded() {
		return this.state == State.ENDED || this.closedByClient;
	}

	/**
	 * @return whether the client closed it on purpose (so no reconnect follows)
	 */
	public boolean closedByClient() {
		return this.closedByClient;
	}

	/**
	 * Closes on purpose: a close frame, then the end once the server answers it or the
	 * close timeout passed.
	 */
	public void close() {
		if (this.state == State.ENDED || this.closedByClient) {
			return;
		}
		this.closedByClient = true;
		stopKeepalive();
		WebSocketConnection open = this.connection;
		if (open == null) {
			CompletableFuture<WebSocketConnection> started = this.handshake;
			if (started != null) {
				started.cancel(false);
			}
			endLater(ReconnectCause.CLOSED, "closed by the client before it opened");
			return;
		}
		if (this.outbound != null) {
			this.outbound.close();
		}
		try {
			open.close(CloseCodes.NORMAL, "");
		}
		catch (RuntimeException ex) {
			open.abort();
		}
		this.closeDeadline = this.loop.schedule(this.settings.closeTimeout(), () -> {
			open.abort();
			end(ReconnectCause.CLOSED, "closed by the client");
		});
	}

	/**
	 * Drops the socket because it is broken (no PONG, a stalled peer, a failed send); the
	 * end is reported with the cause, on the loop, after this call returns.
	 * @param cause why
	 * @param detail what happened, for logs
	 */
	public void abort(ReconnectCause cause, String detail) {
		if (this.state == State.ENDED || this.endCause != null) {
			return;
		}
		stopKeepalive();
		if (this.connection != null) {
			this.connection.abort();
		}
		else if (this.handshake != null) {
			this.handshake.cancel(false);
		}
		endLater(cause, detail);
	}

	private void endLater(ReconnectCause cause, String detail) {
		if (this.endCause == null) {
			this.endCause = cause;
			this.endDetail = detail;
		}
		// A zero-delay timer rather than the inbox: it runs after the caller's work and
		// is never refused.
		this.loop.schedule(Duration.ZERO, () -> end(cause, detail));
	}

	private void end(ReconnectCause reported, String reportedDetail) {
		if (this.state == State.ENDED) {
			return;
		}
		this.state = State.ENDED;
		ReconnectCause cause = (this.endCause != null) ? this.endCause : reported;
		String detail = (this.endDetail != null) ? this.endDetail : reportedDetail;
		this.connectDeadline.cancel();
		this.closeDeadline.cancel();
		stopKeepalive();
		if (this.outbound != null) {
			this.outbound.close();
		}
		WebSocketConnection open = this.connection;
		if (open != null) {
			// Harmless when the peer closed it already; otherwise no connection outlives
			// its socket.
			open.abort();
			this.connection = null;
		}
		List<Pending> abandoned = new ArrayList<>(this.pending.values());
		this.pending.clear();
		for (Pending request : abandoned) {
			request.timeout.cancel();
			request.request.abandoned();
		}
		this.events.ended(this, cause, detail);
	}

	// --- sending ---

	/**
	 * Sends a request and waits for its RESPONSE, up to the request timeout; the request
	 * hears the outcome.
	 * @param nonce the request's nonce
	 * @param frame the request's frame
	 * @param request told about the RESPONSE, its absence, or the socket's end
	 * @return {@code false} if the socket is not open or could not take the frame (then
	 * the request hears nothing)
	 */
	public boolean request(String nonce, String frame, Request request) {
		if (this.state != State.OPEN || this.closedByClient) {
			return false;
		}
		Pending waiting = new Pending(request);
		this.pending.put(nonce, waiting);
		waiting.timeout = this.loop.schedule(this.settings.requestTimeout(), () -> requestExpired(nonce, waiting));
		if (!send(frame)) {
			this.pending.remove(nonce);
			waiting.timeout.cancel();
			return false;
		}
		return true;
	}

	/**
	 * No RESPONSE in time, unless the client itself stopped reading (its handlers are
	 * behind): the answer may wait unread, so the deadline starts again.
	 */
	private void requestExpired(String nonce, Pending waiting) {
		if (this.pending.get(nonce) != waiting) {
			return;
		}
		if (this.readingPaused) {
			waiting.timeout = this.loop.schedule(this.settings.requestTimeout(), () -> requestExpired(nonce, waiting));
			return;
		}
		this.pending.remove(nonce);
		waiting.request.unanswered();
	}

	/**
	 * Queues a frame for sending; never blocks. A frame that does not fit the outbound
	 * queue means the peer stopped reading: the socket is aborted as
	 * {@link ReconnectCause#SEND_STALLED}.
	 * @param frame the frame
	 * @return whether it was queued
	 */
	private boolean send(String frame) {
		OutboundQueue queue = this.outbound;
		if (this.state != State.OPEN || queue == null) {
			return false;
		}
		if (!queue.send(frame)) {
			if (!this.closedByClient) {
				abort(ReconnectCause.SEND_STALLED, "the server stopped reading: over "
						+ this.settings.maxQueuedCharacters() + " characters wait to be sent");
			}
			return false;
		}
		return true;
	}

	/**
	 * @return requests waiting for their RESPONSE
	 */
	public int pendingRequests() {
		return this.pending.size();
	}

	// --- keep-alive ---

	/**
	 * Stops sending PINGs and waiting for PONGs: for the old socket of a handover, which
	 * is closed soon anyway.
	 */
	public void stopKeepalive() {
		this.keepalive = false;
		this.pingTimer.cancel();
		this.pongDeadline.cancel();
		this.pongExpected = false;
	}

	private void schedulePing() {
		long jitter = this.settings.pingJitter().toNanos();
		long offset = (jitter > 0) ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0;
		this.pingTimer = this.loop.schedule(this.settings.pingFrequency().plusNanos(offset), this::ping);
	}

	private void ping() {
		if (this.state != State.OPEN || !this.keepalive) {
			return;
		}
		if (send(PING) && !this.pongExpected) {
			// The deadline of an unanswered PING stays: a new PING must not push it
			// further out.
			this.pingSentNanos = this.loop.nanoTime();
			this.pongExpected = true;
			this.pongDeadline = this.loop.schedule(this.settings.pongTimeout(), this::pongMissing);
		}
		schedulePing();
	}

	private void pongMissing() {
		if (!this.pongExpected || !this.keepalive) {
			return;
		}
		if (this.readingPaused) {
			// The PONG may wait unread while the client's handlers catch up.
			this.pongDeadline = this.loop.schedule(this.settings.pongTimeout(), this::pongMissing);
			return;
		}
		log.warn("pong-timeout", "Connection {}: no PONG within {}; reconnecting", this.id,
				this.settings.pongTimeout());
		abort(ReconnectCause.PONG_TIMEOUT, "no PONG within " + this.settings.pongTimeout());
	}

	private void pongReceived() {
		boolean expected = this.pongExpected;
		this.pongExpected = false;
		this.pongDeadline.cancel();
		this.lastPongAt = this.loop.now();
		if (expected) {
			Duration roundTrip = Duration.ofNanos(this.loop.nanoTime() - this.pingSentNanos);
			this.pingRoundTrip = roundTrip;
			this.events.pong(this, roundTrip);
		}
		else {
			this.events.unexpectedFrame(this, "a PONG without a PING");
		}
	}

	/**
	 * @return when the last PONG came, or {@code null}
	 */
	public @Nullable Instant lastPongAt() {
		return this.lastPongAt;
	}

	/**
	 * @return the last PING's round trip, or {@code null}
	 */
	public @Nullable Duration pingRoundTrip() {
		return this.pingRoundTrip;
	}

	// --- what the transport reports, on its threads ---

	@Override
	public void onText(String message) {
		InboundFrame frame;
		try {
			frame = InboundFrames.parse(message);
		}
		catch (MalformedFrameException ex) {
			this.events.badFrame(this, LogText.safe(ex.getMessage()));
			return;
		}
		if (frame instanceof InboundFrame.Message published) {
			this.routes.deliver(this, published);
		}
		else {
			onLoop(() -> handle(frame));
		}
	}

	@Override
	public void onUnusableMessage(String reason) {
		this.events.badFrame(this, reason);
	}

	@Override
	public void onClosed(int code, String reason) {
		ReconnectCause cause = CloseCodes.reconnectCause(code);
		String detail = "closed with " + code + (reason.isEmpty() ? "" : " (" + LogText.safe(reason) + ")");
		onLoop(() -> end(cause, detail));
	}

	@Override
	public void onError(Throwable error) {
		String detail = "error: " + rootMessage(error);
		onLoop(() -> end(ReconnectCause.ERROR, detail));
	}

	private void handle(InboundFrame frame) {
		if (this.state != State.OPEN) {
			return;
		}
		if (frame instanceof InboundFrame.Response response) {
			Pending request = this.pending.remove(response.nonce());
			if (request == null) {
				this.events.unexpectedFrame(this, "a RESPONSE with unknown nonce '" + LogText.safe(response.nonce())
						+ "' (error '" + LogText.safe(response.error()) + "')");
				return;
			}
			request.timeout.cancel();
			request.request.answered(response.error());
		}
		else if (frame instanceof InboundFrame.Pong) {
			pongReceived();
		}
		else if (frame instanceof InboundFrame.Reconnect) {
			this.events.reconnectRequested(this);
		}
		else if (frame instanceof InboundFrame.AuthRevoked revoked) {
			this.events.authorizationRevoked(this, revoked.topics());
		}
		else if (frame instanceof InboundFrame.Unknown unknown) {
			this.events.badFrame(this, "a frame of unknown type '" + LogText.safe(unknown.type()) + "'");
		}
	}

	/**
	 * Runs work for a transport callback on the loop. A full inbox loses it: the engine
	 * is flooded and the loop has counted and logged it; the socket's timers (PONG,
	 * request timeouts) recover what the loss breaks.
	 */
	private void onLoop(Runnable task) {
		try {
			this.loop.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// Counted and logged by the loop.
		}
	}

	private static String rootMessage(@Nullable Throwable error) {
		if (error == null) {
			return "unknown";
		}
		Throwable root = error;
		while ((root instanceof CompletionException || root.getCause() != null) && root.getCause() != null
				&& root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? ": " + LogText.safe(root.getMessage()) : "");
	}

	@Override
	public String toString() {
		return this.id;
	}

	/** A request waiting for its RESPONSE; belongs to the loop. */
	private static final class Pending {

		final Request request;

		Scheduled timeout = Scheduled.NONE;

		Pending(Request request) {
			this.request = request;
		}

	}

}
