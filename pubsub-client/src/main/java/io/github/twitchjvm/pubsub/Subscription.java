package io.github.twitchjvm.pubsub;

import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.twitchjvm.pubsub.message.MessageDecodingException;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * One handler's subscription to a topic: a bounded queue that the socket reader fills and one drain at a time on
 * the dispatch executor empties, so messages arrive in order, a slow handler only fills its own queue (the oldest
 * message is dropped when it is full), and different subscriptions run in parallel.
 */
final class Subscription implements Runnable {

	/** Messages handled per executor task before yielding the thread to other subscriptions. */
	private static final int BATCH = 64;

	/** The drain lock in four bytes: thousands of subscriptions each hold one. */
	private static final AtomicIntegerFieldUpdater<Subscription> DRAINING = AtomicIntegerFieldUpdater
		.newUpdater(Subscription.class, "draining");

	/** How a message reaches the handler: typed payload or raw message. */
	@FunctionalInterface
	interface Delivery {

		void deliver(UUID subscription, PubSubMessage message) throws Exception;

	}

	private final UUID id = UUID.randomUUID();

	private final Topic topic;

	private final Delivery delivery;

	/** Grows with use: an array sized for the capacity would cost kilobytes per idle subscription. */
	private final ConcurrentLinkedQueue<PubSubMessage> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final int capacity;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	/**
	 * 1 while messages are delivered, a lock only ever tried, never waited for: a drain from before a stop may still
	 * be in a handler on an executor the client does not own when a drain after the next start begins, and one
	 * subscription's handler never runs twice at once.
	 */
	private volatile int draining;

	private final Executor executor;

	private final ClientCounters counters;

	private final RateLimitedLog log;

	private volatile boolean cancelled;

	Subscription(Topic topic, Delivery delivery, int capacity, Executor executor, ClientCounters counters,
			RateLimitedLog log) {
		this.topic = topic;
		this.delivery = delivery;
		this.capacity = capacity;
		this.executor = executor;
		this.counters = counters;
		this.log = log;
	}

	UUID id() {
		return this.id;
	}

	Topic topic() {
		return this.topic;
	}

	/** Called on a socket's reading thread: never blocks. */
	void offer(PubSubMessage message) {
		if (this.cancelled) {
			return;
		}
		this.queue.add(message);
		if (this.queued.incrementAndGet() > this.capacity && this.queue.poll() != null) {
			this.queued.decrementAndGet();
			this.counters.dropped(this.topic, "queue_full");
			this.log.warn("queue-full-" + this.id,
					"Subscription {} to {} is too slow: dropped its oldest queued message ({} queued)", this.id,
					this.topic, this.capacity);
		}
		schedule();
	}

	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(this);
			}
			catch (RejectedExecutionException ex) {
				// The executor is shutting down: what is queued is dropped with the client.
				this.scheduled.set(false);
			}
		}
	}

	@Override
	public void run() {
		if (!DRAINING.compareAndSet(this, 0, 1)) {
			// A drain from before a stop is still in a handler: it takes what is queued when it ends. Never wait for
			// it here, on a thread that may be the application's (or the caller's).
			this.scheduled.set(false);
			if (!DRAINING.compareAndSet(this, 0, 1)) {
				return;
			}
		}
		try {
			drain();
		}
		finally {
			this.draining = 0;
		}
		// What arrived while a run that gave up above found the lock taken.
		if (!this.queue.isEmpty()) {
			schedule();
		}
	}

	private void drain() {
		while (true) {
			int handled = 0;
			PubSubMessage message;
			while (handled < BATCH && (message = this.queue.poll()) != null) {
				this.queued.decrementAndGet();
				deliver(message);
				handled++;
			}
			this.scheduled.set(false);
			if (this.queue.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
				return;
			}
			try {
				// More to do: let other subscriptions have the thread.
				this.executor.execute(this);
				return;
			}
			catch (RejectedExecutionException ex) {
				// The executor is shutting down and lets running tasks finish: finish this queue here.
			}
		}
	}

	/** Nothing queued and no handler running. */
	boolean idle() {
		return this.queue.isEmpty() && this.draining == 0;
	}

	private void deliver(PubSubMessage message) {
		if (this.cancelled) {
			return;
		}
		try {
			this.delivery.deliver(this.id, message);
			this.counters.messagesDelivered.increment();
		}
		catch (MessageDecodingException ex) {
			this.counters.dropped(this.topic, "decode_error");
			this.log.warn("decode-" + this.topic.value(), "Dropped a message on {}: {}", this.topic, ex.getMessage());
		}
		catch (Throwable ex) {
			this.counters.handlerErrors.increment();
			this.log.warn("handler-" + this.id, "Handler of subscription {} to {} failed", this.id, this.topic, ex);
		}
	}

	/** Forgets queued messages and any drain that was scheduled but never ran (the executor was shut down). */
	void reset() {
		// One by one: a drain still running may poll at the same time, and the count must not go below zero.
		while (this.queue.poll() != null) {
			this.queued.decrementAndGet();
		}
		this.scheduled.set(false);
	}

	void cancel() {
		this.cancelled = true;
		this.queue.clear();
		this.queued.set(0);
	}

	int queued() {
		return this.queued.get();
	}

}
