package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * Where the messages of one topic go, as the socket readers see it: the subscriptions,
 * and the one socket whose messages count. During a handover after RECONNECT both the old
 * and the new socket deliver the topic, and a {@link HandoverMerger} turns the two
 * streams into one without loss or duplicates.
 *
 * <p>
 * Both the sockets' reading threads and the engine's loop use a route, so it has a small
 * lock of its own, which nothing else takes. What to deliver is decided under it, into an
 * outbox; the outbox is emptied into the subscriptions outside it, by one thread at a
 * time and in order. So a handler that runs on the calling thread (a direct dispatch
 * executor) never holds the lock: the engine's own calls decide, then empty the outbox.
 */
final class TopicRoute {

	/**
	 * Bounds what a handover may hold back (and remember) per topic, in messages, before
	 * it gives up aligning; in bytes, the constructor's bound applies too.
	 */
	private static final int MAX_HANDOVER_BUFFER = 10_000;

	private final Topic topic;

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final ClientCounters counters;

	private final long maxHeldBytes;

	private @Nullable PubSubSocket source;

	/**
	 * The socket the topic's LISTEN last went out on: only a socket that really carried
	 * the topic has a stream worth merging with its replacement's.
	 */
	private @Nullable PubSubSocket listenedOn;

	private @Nullable HandoverMerger<PubSubMessage> merger;

	private @Nullable PubSubSocket oldSocket;

	private @Nullable PubSubSocket newSocket;

	/**
	 * The old socket of the last handover: what it still delivers is already known from
	 * the new one.
	 */
	private @Nullable PubSubSocket retired;

	/** The old socket of the current merge has ended. */
	private boolean oldEnded;

	/**
	 * Messages decided for delivery, not yet offered to the subscriptions; made on first
	 * use (most topics are quiet).
	 */
	private @Nullable ArrayDeque<PubSubMessage> outbox;

	/**
	 * Counts the merges begun, so that a timer meant for one merge leaves a later one
	 * alone.
	 */
	private long merges;

	/** A thread is emptying the outbox; others leave their messages to it. */
	private boolean emptying;

	/**
	 * @param maxHeldBytes what a handover may hold back of the new socket's messages: the
	 * bound of one subscription's queue
	 */
	TopicRoute(Topic topic, ClientCounters counters, long maxHeldBytes) {
		this.topic = topic;
		this.counters = counters;
		this.maxHeldBytes = maxHeldBytes;
	}

	Topic topic() {
		return this.topic;
	}

	List<Subscription> subscriptions() {
		return this.subscriptions;
	}

	/**
	 * Called on a socket's reading thread for every MESSAGE of this topic. One lock both
	 * decides and claims the emptying of the outbox: outside a handover, a message takes
	 * the route's lock twice.
	 */
	void accept(PubSubSocket socket, PubSubMessage message) {
		PubSubMessage first;
		synchronized (this) {
			decide(socket, message);
			first = claimNext();
		}
		if (first != null) {
			offerInOrder(first);
		}
	}

	/** Under the lock. */
	private void decide(PubSubSocket socket, PubSubMessage message) {
		HandoverMerger<PubSubMessage> handover = this.merger;
		if (handover != null) {
			if (socket == this.oldSocket) {
				handover.fromOld(message);
			}
			else if (socket == this.newSocket) {
				handover.fromNew(message);
			}
			else {
				this.counters.dropped(this.topic, DropReason.NO_SUBSCRIBER, 1);
			}
			finishIfSwitched();
			return;
		}
		if (socket == this.source) {
			deliver(message);
		}
		else if (socket == this.retired) {
			this.counters.dropped(this.topic, DropReason.DUPLICATE, 1);
		}
		else {
			// A socket that no longer carries the topic (unlistened, or replaced) may
			// still have frames in flight.
			this.counters.dropped(this.topic, DropReason.NO_SUBSCRIBER, 1);
		}
	}

	private boolean hasOutbox() {
		return this.outbox != null && !this.outbox.isEmpty();
	}

	/** Under the lock: queues the message for the subscriptions, in the decided order. */
	private void deliver(PubSubMessage message) {
		ArrayDeque<PubSubMessage> pending = this.outbox;
		if (pending == null) {
			pending = new ArrayDeque<>(4);
			this.outbox = pending;
		}
		pending.add(message);
	}

	/**
	 * Empties the outbox from a task of its own on the engine's loop, for the engine's
	 * own calls: a handler that runs on the calling thread (a direct dispatch executor)
	 * must never run in the middle of an engine method, where it could re-enter the
	 * engine while it walks its topics. A zero-delay timer, which the loop never refuses.
	 */
	void emptyOutboxLater(EngineLoop loop) {
		loop.schedule(Duration.ZERO, this::emptyOutbox);
	}

	/**
	 * Offers the decided messages to the subscriptions, outside the lock. Only one thread
	 * empties at a time, so messages keep their order; a thread that finds another one
	 * emptying leaves its messages to it.
	 */
	void emptyOutbox() {
		PubSubMessage first;
		synchronized (this) {
			first = claimNext();
		}
		if (first != null) {
			offerInOrder(first);
		}
	}

	/**
	 * Under the lock: the next message to offer, making the calling thread the one that
	 * empties the outbox.
	 * @return the message, or {@code null} when nothing waits or another thread is
	 * emptying
	 */
	private @Nullable PubSubMessage claimNext() {
		ArrayDeque<PubSubMessage> pending = this.outbox;
		if (this.emptying || pending == null || pending.isEmpty()) {
			return null;
		}
		this.emptying = true;
		return pending.poll();
	}

	/**
	 * Offers {@code first} and whatever follows it in the outbox, then gives up the
	 * emptying.
	 */
	private void offerInOrder(PubSubMessage first) {
		PubSubMessage next = first;
		try {
			while (next != null) {
				for (Subscription subscription : this.subscriptions) {
					subscription.offer(next);
				}
				synchronized (this) {
					next = (this.outbox != null) ? this.outbox.poll() : null;
					if (next == null) {
						this.emptying = false;
					}
				}
			}
		}
		finally {
			if (next != null) {
				synchronized (this) {
					this.emptying = false;
				}
			}
		}
	}

	/**
	 * The topic is wanted on {@code socket} from now on (its socket is connecting, or its
	 * LISTEN is paced or in flight): its messages count, even those a server pushes
	 * before it answers the LISTEN. Decides only: messages it releases wait in the outbox
	 * for {@link #emptyOutbox()}.
	 * @return whether the outbox has messages
	 */
	synchronized boolean wantedOn(PubSubSocket socket, @Nullable PubSubSocket retiring) {
		startListening(socket, retiring);
		return hasOutbox();
	}

	private void startListening(PubSubSocket socket, @Nullable PubSubSocket retiring) {
		if (this.merger != null) {
			if (socket == this.newSocket) {
				// A retry on the replacement: the merge goes on.
				return;
			}
			// A merge still open while the next handover begins: settle it on its
			// replacement first.
			this.merger.forceSwitch();
			finishIfSwitched();
		}
		if (retiring != null && this.source == retiring && this.listenedOn == retiring) {
			this.merges++;
			this.merger = new HandoverMerger<>(MessageKeys::of, this::deliver, MAX_HANDOVER_BUFFER,
					Subscription::estimatedBytes, this.maxHeldBytes);
			this.oldSocket = retiring;
			this.newSocket = socket;
			this.oldEnded = false;
		}
		else {
			this.source = socket;
		}
	}

	/**
	 * The topic's LISTEN went out on {@code socket} (which it is wanted on already).
	 */
	synchronized void listenSent(PubSubSocket socket) {
		this.listenedOn = socket;
	}

	/**
	 * {@code socket} will deliver nothing more for this topic: it closed, or it was
	 * unlistened. Decides only, like {@link #wantedOn}.
	 * @return whether the outbox has messages
	 */
	synchronized boolean ended(PubSubSocket socket) {
		end(socket);
		return hasOutbox();
	}

	private void end(PubSubSocket socket) {
		HandoverMerger<PubSubMessage> handover = this.merger;
		if (handover != null && socket == this.oldSocket) {
			this.oldEnded = true;
			handover.oldEnded();
			finishIfSwitched();
		}
		else if (handover != null && socket == this.newSocket) {
			// The replacement failed: the old socket stays the source while it lives;
			// once it ended, nothing is.
			this.merger = null;
			this.source = this.oldEnded ? null : this.oldSocket;
			this.oldSocket = null;
			this.newSocket = null;
			this.oldEnded = false;
		}
		else if (this.source == socket) {
			this.source = null;
		}
		if (this.retired == socket) {
			// It sends nothing more; holding on to it would keep the ended socket alive.
			this.retired = null;
		}
		if (this.listenedOn == socket) {
			this.listenedOn = null;
		}
	}

	/**
	 * Gives up aligning a handover that takes too long: releases what the new socket held
	 * back. Decides only, like {@link #wantedOn}.
	 * @return whether the outbox has messages
	 */
	synchronized boolean forceSwitch() {
		return forceSwitch(this.merges);
	}

	/**
	 * Like {@link #forceSwitch()}, for a timer set during merge number {@code merge}: a
	 * later merge (the next handover) is left alone, since forcing it before its new
	 * socket caught up would drop what only the old one carries.
	 * @param merge what {@link #merges()} was when the timer was set
	 * @return whether the outbox has messages
	 */
	synchronized boolean forceSwitch(long merge) {
		if (this.merger != null && merge == this.merges) {
			this.merger.forceSwitch();
			finishIfSwitched();
		}
		return hasOutbox();
	}

	synchronized long merges() {
		return this.merges;
	}

	synchronized boolean handingOver() {
		return this.merger != null;
	}

	synchronized void detach() {
		this.outbox = null;
		this.source = null;
		this.listenedOn = null;
		this.retired = null;
		this.merger = null;
		this.oldSocket = null;
		this.newSocket = null;
	}

	private void finishIfSwitched() {
		HandoverMerger<PubSubMessage> handover = this.merger;
		if (handover != null && handover.isSwitched()) {
			this.counters.dropped(this.topic, DropReason.DUPLICATE, handover.duplicatesSuppressed());
			this.source = this.newSocket;
			this.retired = this.oldSocket;
			this.merger = null;
			this.oldEnded = false;
			this.oldSocket = null;
			this.newSocket = null;
		}
	}

}
