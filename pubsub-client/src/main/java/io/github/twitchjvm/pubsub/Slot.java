package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * One of the client's connections as the pool shards topics: a stable id, up to the topic limit of topics, and the
 * socket that carries them now. Sockets come and go (reconnects, handovers); the slot and its topics stay. Guarded
 * by the pool's lock.
 */
final class Slot {

	final String id;

	final Set<TopicEntry> topics = new LinkedHashSet<>();

	final Backoff backoff;

	/** The socket that carries (or is about to carry) the topics. */
	@Nullable PubSubSocket socket;

	/** During a handover after RECONNECT: the old socket, still delivering until the new one took over. */
	@Nullable PubSubSocket retiring;

	private ConnectionState state = ConnectionState.CONNECTING;

	private Instant stateSince = Instant.now();

	/** Whether it has been open at least once. */
	private boolean everOpen;

	@Nullable Instant openedAt;

	long reconnects;

	int sockets;

	boolean closing;

	boolean settling;

	/** A RECONNECT (or request) for the replacement that came during a handover: its cause, done after it. */
	@Nullable String queuedHandover;

	@Nullable ScheduledFuture<?> reconnectTask;

	@Nullable ScheduledFuture<?> stableTask;

	@Nullable ScheduledFuture<?> handoverDeadline;

	Slot(String id, Duration initialBackoff, Duration maxBackoff) {
		this.id = id;
		this.backoff = new Backoff(initialBackoff, maxBackoff);
	}

	ConnectionState state() {
		return this.state;
	}

	void state(ConnectionState state) {
		if (state != this.state) {
			this.state = state;
			this.stateSince = Instant.now();
		}
		if (state == ConnectionState.OPEN) {
			this.everOpen = true;
		}
	}

	boolean isOpen() {
		PubSubSocket current = this.socket;
		PubSubSocket old = this.retiring;
		return (current != null && current.isOpen()) || (old != null && old.isOpen());
	}

	void cancelTasks() {
		cancel(this.reconnectTask);
		cancel(this.stableTask);
		cancel(this.handoverDeadline);
		this.reconnectTask = null;
		this.stableTask = null;
		this.handoverDeadline = null;
	}

	private static void cancel(@Nullable ScheduledFuture<?> task) {
		if (task != null) {
			task.cancel(false);
		}
	}

	ConnectionStatus status() {
		PubSubSocket current = (this.socket != null) ? this.socket : this.retiring;
		return new ConnectionStatus(this.id, this.state, this.stateSince, this.everOpen, this.topics.size(),
				this.openedAt, (current != null) ? current.lastPongAt() : null,
				(current != null) ? current.pingRoundTrip() : null, this.reconnects);
	}

}
