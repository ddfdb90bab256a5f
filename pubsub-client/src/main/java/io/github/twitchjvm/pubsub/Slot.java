package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import io.github.twitchjvm.core.engine.Backoff;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EngineLoop.Scheduled;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import org.jspecify.annotations.Nullable;

/**
 * One of the client's connections as sharding sees it: a stable id ({@code pubsub-1}), up
 * to the topic limit of topics, and the socket carrying them now. Sockets come and go
 * (reconnects, handovers); the slot and its topics stay. During a handover after
 * RECONNECT the slot has two sockets: the {@linkplain #retiring() old one}, still
 * delivering, and the new one. Belongs to the engine's loop; its state changes only
 * through the methods named for what happened, each of which tells the engine's
 * listeners.
 */
final class Slot {

	private final String id;

	private final EngineLoop loop;

	private final Consumer<Slot> changed;

	private final Set<TopicEntry> topics = new LinkedHashSet<>();

	private final Backoff backoff;

	private @Nullable PubSubSocket socket;

	private @Nullable PubSubSocket retiring;

	private ConnectionState state = ConnectionState.CONNECTING;

	private Instant stateSince;

	private boolean everOpen;

	/** See {@link ConnectionStatus#downSince()}. */
	private @Nullable Instant downSince;

	private @Nullable Instant openedAt;

	/** The server confirmed a LISTEN on the current socket. */
	private boolean worked;

	private long reconnects;

	private int socketCount;

	private boolean closing;

	/**
	 * The handover's old socket was asked to unlisten everything; UNLISTENs not answered
	 * yet.
	 */
	private boolean settling;

	private int unlistensOutstanding;

	/**
	 * A RECONNECT (or request) for the replacement that came during a handover: done once
	 * it is over.
	 */
	private @Nullable ReconnectCause queuedHandover;

	private Scheduled reconnectTimer = Scheduled.NONE;

	private Scheduled stableTimer = Scheduled.NONE;

	private Scheduled handoverDeadline = Scheduled.NONE;

	/** Closes the handover's old socket once it settled. */
	private Scheduled settleTimer = Scheduled.NONE;

	/** After a handover: gives up aligning the merges of quiet topics. */
	private Scheduled mergeTimer = Scheduled.NONE;

	/** A replacement the server asked for, held back because it asks too often. */
	private Scheduled pacedHandover = Scheduled.NONE;

	/** The socket {@link #pacedHandover} replaces. */
	private @Nullable PubSubSocket pacedSocket;

	/**
	 * Spaces out replacements a server asks for again and again: the first at once, then
	 * with growing delays, until a socket stays open for the stable period.
	 */
	private final Backoff handoverPace;

	Slot(String id, EngineLoop loop, Backoff backoff, Backoff handoverPace, Consumer<Slot> changed) {
		this.id = id;
		this.loop = loop;
		this.backoff = backoff;
		this.handoverPace = handoverPace;
		this.changed = changed;
		this.stateSince = loop.now();
	}

	String id() {
		return this.id;
	}

	Set<TopicEntry> topics() {
		return this.topics;
	}

	Backoff backoff() {
		return this.backoff;
	}

	/** The server confirmed a LISTEN on the current socket. */
	void worked() {
		this.worked = true;
	}

	/**
	 * @param least how long the socket must have been open
	 * @return whether the socket just lost did work (a LISTEN confirmed) and lived at
	 * least {@code least}: then its loss is retried at once, as the first one
	 */
	boolean didWorkFor(Duration least) {
		Instant opened = this.openedAt;
		boolean did = this.worked && opened != null && Duration.between(opened, this.loop.now()).compareTo(least) >= 0;
		this.worked = false;
		return did;
	}

	Backoff handoverPace() {
		return this.handoverPace;
	}

	/**
	 * @return see {@link ConnectionStatus#downSince()}
	 */
	@Nullable Instant downSince() {
		return this.downSince;
	}

	void pacedHandover(PubSubSocket socket, Scheduled timer) {
		this.pacedHandover.cancel();
		this.pacedHandover = timer;
		this.pacedSocket = socket;
	}

	/**
	 * @return whether a held-back replacement of {@code socket} is pending already
	 */
	boolean handoverPaced(PubSubSocket socket) {
		return this.pacedSocket == socket;
	}

	void pacedHandoverDue() {
		this.pacedHandover = Scheduled.NONE;
		this.pacedSocket = null;
	}

	/** The socket that carries (or is about to carry) the topics. */
	@Nullable PubSubSocket socket() {
		return this.socket;
	}

	/**
	 * During a handover: the old socket, still delivering until the new one took over.
	 */
	@Nullable PubSubSocket retiring() {
		return this.retiring;
	}

	boolean isClosing() {
		return this.closing;
	}

	/**
	 * Whether a socket of the slot is open: the current one, or the old one of a
	 * handover.
	 */
	boolean isOpen() {
		return (this.socket != null && this.socket.isOpen()) || (this.retiring != null && this.retiring.isOpen());
	}

	String nextSocketId() {
		return this.id + "#" + (++this.socketCount);
	}

	// --- the socket's life ---

	/**
	 * A new socket is connecting; during a handover the old one still carries the topics.
	 */
	void connecting(PubSubSocket next) {
		this.socket = next;
		if (this.retiring == null) {
			moveTo(ConnectionState.CONNECTING);
		}
	}

	void opened(Scheduled stable) {
		this.openedAt = this.loop.now();
		this.worked = false;
		this.stableTimer.cancel();
		this.stableTimer = stable;
		moveTo(ConnectionState.OPEN);
	}

	/** The current socket ended. */
	void socketLost() {
		this.socket = null;
		this.stableTimer.cancel();
		this.pacedHandover.cancel();
		this.pacedSocket = null;
	}

	/**
	 * The next socket connects after the backoff.
	 * @param attempt the timer that connects it
	 * @param away whether the topics are without a carrier meanwhile (no old socket of a
	 * handover delivers them)
	 */
	void reconnectScheduled(Scheduled attempt, boolean away) {
		this.reconnectTimer.cancel();
		this.reconnectTimer = attempt;
		if (away) {
			moveTo(ConnectionState.RECONNECTING);
		}
	}

	/** While waiting for a replacement that is not open yet, with no old socket left. */
	void waitingForReplacement() {
		moveTo(ConnectionState.CONNECTING);
	}

	void countReconnect() {
		this.reconnects++;
	}

	/** Closed on purpose (emptied, or the client stopped): no socket will follow. */
	void close() {
		this.closing = true;
		this.reconnectTimer.cancel();
		this.stableTimer.cancel();
		this.handoverDeadline.cancel();
		this.settleTimer.cancel();
		this.mergeTimer.cancel();
		this.pacedHandover.cancel();
		this.pacedSocket = null;
		moveTo(ConnectionState.CLOSED);
	}

	/** The last socket the slot had closed, on purpose. */
	void closed() {
		moveTo(ConnectionState.CLOSED);
	}

	// --- handover ---

	boolean handingOver() {
		return this.retiring != null;
	}

	/**
	 * The current socket becomes the old one of a handover; a replacement connects next.
	 */
	void beginHandover(PubSubSocket old, Scheduled deadline) {
		this.retiring = old;
		this.socket = null;
		this.settling = false;
		this.unlistensOutstanding = 0;
		this.handoverDeadline.cancel();
		this.handoverDeadline = deadline;
	}

	/** The old socket of the handover ended. */
	void endHandover() {
		this.retiring = null;
		this.settling = false;
		this.unlistensOutstanding = 0;
		this.handoverDeadline.cancel();
		this.settleTimer.cancel();
	}

	/** The merges of the last handover give up aligning when this timer fires. */
	void mergeTimer(Scheduled timer) {
		this.mergeTimer.cancel();
		this.mergeTimer = timer;
	}

	/** The old socket closes when this timer fires (the last to be set wins). */
	void settleTimer(Scheduled timer) {
		this.settleTimer.cancel();
		this.settleTimer = timer;
	}

	boolean settling() {
		return this.settling;
	}

	/** The new socket confirmed everything: the old one is being unlistened. */
	void settle(int unlistens) {
		this.settling = true;
		this.unlistensOutstanding = unlistens;
	}

	/**
	 * @return whether that was the last UNLISTEN the old socket waited for
	 */
	boolean unlistenAnswered() {
		return this.unlistensOutstanding > 0 && --this.unlistensOutstanding == 0;
	}

	void queueHandover(ReconnectCause cause) {
		this.queuedHandover = cause;
	}

	/**
	 * @return the cause of a handover that waited for this one, forgotten here
	 */
	@Nullable ReconnectCause takeQueuedHandover() {
		ReconnectCause queued = this.queuedHandover;
		this.queuedHandover = null;
		return queued;
	}

	private void moveTo(ConnectionState next) {
		if (next == ConnectionState.OPEN || next == ConnectionState.CLOSED) {
			this.downSince = null;
		}
		else if (this.downSince == null
				&& (this.state == ConnectionState.OPEN || next == ConnectionState.RECONNECTING)) {
			// Left OPEN, or the first attempt failed; later attempts keep the outage's
			// start.
			this.downSince = this.loop.now();
		}
		if (next != this.state) {
			this.state = next;
			this.stateSince = this.loop.now();
		}
		if (next == ConnectionState.OPEN) {
			this.everOpen = true;
		}
		this.changed.accept(this);
	}

	ConnectionState state() {
		return this.state;
	}

	ConnectionStatus status() {
		PubSubSocket current = (this.socket != null) ? this.socket : this.retiring;
		return new ConnectionStatus(this.id, this.state, this.stateSince, this.everOpen, this.downSince,
				this.topics.size(), this.openedAt, (current != null) ? current.lastPongAt() : null,
				(current != null) ? current.pingRoundTrip() : null, this.reconnects);
	}

	@Override
	public String toString() {
		return this.id;
	}

}
