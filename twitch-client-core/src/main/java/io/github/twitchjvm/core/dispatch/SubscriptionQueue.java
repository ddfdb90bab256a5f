package io.github.twitchjvm.core.dispatch;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.twitchjvm.core.log.RateLimitedLog;
import org.jspecify.annotations.Nullable;

/**
 * One subscription's messages on their way to its handler: a bounded queue that a
 * connection's reading thread fills and one drain at a time on the dispatch executor
 * empties. So messages reach the handler in order, a slow handler only fills its own
 * queue (the oldest message is dropped when it is full, counted as
 * {@link DropReason#QUEUE_FULL}), and different subscriptions run in parallel.
 *
 * @param <M> the message type
 */
public final class SubscriptionQueue<M> implements Runnable {

	/**
	 * Messages handled per executor task before the thread is yielded to other
	 * subscriptions.
	 */
	private static final int BATCH = 64;

	// Counters and flags as plain fields behind updaters: thousands of subscriptions each
	// hold them, and an atomic
	// object apiece would cost 16 bytes more each.

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SubscriptionQueue> DRAINING = AtomicIntegerFieldUpdater
		.newUpdater(SubscriptionQueue.class, "draining");

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SubscriptionQueue> SCHEDULED = AtomicIntegerFieldUpdater
		.newUpdater(SubscriptionQueue.class, "scheduled");

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SubscriptionQueue> QUEUED = AtomicIntegerFieldUpdater
		.newUpdater(SubscriptionQueue.class, "queued");

	/**
	 * Receives the messages, one at a time and in order.
	 *
	 * @param <M> the message type
	 */
	@FunctionalInterface
	public interface Handler<M> {

		/**
		 * Handles one message.
		 * @param message the message
		 * @throws Exception any failure: logged (rate-limited) and counted, and the next
		 * message is delivered; a {@link PayloadDecodingException} counts as
		 * {@link DropReason#DECODE_ERROR}
		 */
		void handle(M message) throws Exception;

	}

	/**
	 * Told what happened to each message, for counters and metrics. Called on dispatch
	 * threads, or on the reading thread for {@link DropReason#QUEUE_FULL}: must be quick
	 * and never block.
	 */
	public interface Events {

		/** A handler returned normally. */
		void delivered();

		/**
		 * A message did not reach the handler.
		 * @param reason {@link DropReason#QUEUE_FULL} or {@link DropReason#DECODE_ERROR}
		 */
		void dropped(DropReason reason);

		/** A handler threw. */
		void handlerFailed();

	}

	/**
	 * Names the subscription in logs through its {@code toString()}, built only when
	 * something is logged.
	 */
	private final Object name;

	private final Handler<M> handler;

	/**
	 * Grows with use: an array sized for the capacity would cost kilobytes per idle
	 * subscription.
	 */
	private final ConcurrentLinkedQueue<M> queue = new ConcurrentLinkedQueue<>();

	private volatile int queued;

	private final int capacity;

	/** 1 while a drain is handed to the executor or running. */
	private volatile int scheduled;

	/**
	 * 1 while messages are delivered, a lock only ever tried, never waited for: a drain
	 * from before a stop may still be in a handler on an executor the client does not own
	 * when a drain after the next start begins, and one subscription's handler never runs
	 * twice at once.
	 */
	private volatile int draining;

	private final Executor executor;

	private final Events events;

	private final RateLimitedLog log;

	private volatile boolean cancelled;

	/**
	 * The name as logs show it, built on the first line logged (a race builds it twice,
	 * harmlessly).
	 */
	private @Nullable String logName;

	/**
	 * Creates a queue.
	 * @param name names the subscription in logs through its {@code toString()} (for
	 * example the subscription itself: no string is built per subscription unless
	 * something is logged)
	 * @param handler receives the messages
	 * @param capacity messages queued at most before the oldest is dropped
	 * @param executor runs the drains; it should accept every task (one rejected leaves
	 * the queue waiting for the next message)
	 * @param events told about deliveries, drops and failures
	 * @param log where drops and failures are logged
	 */
	public SubscriptionQueue(Object name, Handler<M> handler, int capacity, Executor executor, Events events,
			RateLimitedLog log) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.name = name;
		this.handler = handler;
		this.capacity = capacity;
		this.executor = executor;
		this.events = events;
		this.log = log;
	}

	/**
	 * Queues a message for the handler; called on a connection's reading thread, so it
	 * never blocks.
	 * @param message the message
	 */
	public void offer(M message) {
		if (this.cancelled) {
			return;
		}
		this.queue.add(message);
		if (QUEUED.incrementAndGet(this) > this.capacity && this.queue.poll() != null) {
			QUEUED.decrementAndGet(this);
			this.events.dropped(DropReason.QUEUE_FULL);
			this.log.warn("queue-full-" + logName(),
					"The handler of {} is too slow: dropped its oldest queued message ({} queued)", logName(),
					this.capacity);
		}
		schedule();
	}

	private void schedule() {
		if (SCHEDULED.compareAndSet(this, 0, 1)) {
			try {
				this.executor.execute(this);
			}
			catch (RejectedExecutionException ex) {
				// The executor is shutting down: what is queued is dropped with the
				// client.
				this.scheduled = 0;
			}
		}
	}

	/** A drain: delivers up to a batch, then yields the thread if more is queued. */
	@Override
	public void run() {
		if (!DRAINING.compareAndSet(this, 0, 1)) {
			// A drain from before a stop is still in a handler: it takes what is queued
			// when it ends. Never wait for
			// it here, on a thread that may be the application's (or the caller's).
			this.scheduled = 0;
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
			M message;
			while (handled < BATCH && (message = this.queue.poll()) != null) {
				QUEUED.decrementAndGet(this);
				deliver(message);
				handled++;
			}
			this.scheduled = 0;
			if (this.queue.isEmpty() || !SCHEDULED.compareAndSet(this, 0, 1)) {
				return;
			}
			try {
				// More to do: let other subscriptions have the thread.
				this.executor.execute(this);
				return;
			}
			catch (RejectedExecutionException ex) {
				// The executor is shutting down and lets running tasks finish: finish
				// this queue here.
			}
		}
	}

	private void deliver(M message) {
		if (this.cancelled) {
			return;
		}
		try {
			this.handler.handle(message);
			this.events.delivered();
		}
		catch (PayloadDecodingException ex) {
			this.events.dropped(DropReason.DECODE_ERROR);
			this.log.warn("decode-" + logName(), "Dropped a message of {}: {}", logName(), ex.getMessage());
		}
		catch (Throwable ex) {
			// Errors too (a StackOverflowError in one handler): the queue must go on
			// delivering.
			this.events.handlerFailed();
			this.log.warn("handler-" + logName(), "The handler of {} failed", logName(), ex);
		}
	}

	/**
	 * @return whether nothing is queued and no handler runs
	 */
	public boolean idle() {
		return this.queue.isEmpty() && this.draining == 0;
	}

	/**
	 * Forgets queued messages and a drain that was scheduled but never ran (its executor
	 * was shut down).
	 */
	public void reset() {
		// One by one: a drain still running may poll at the same time, and the count must
		// not go below zero.
		while (this.queue.poll() != null) {
			QUEUED.decrementAndGet(this);
		}
		this.scheduled = 0;
	}

	/**
	 * Ends the subscription: queued messages are dropped and nothing more is delivered,
	 * even by a drain under way.
	 */
	public void cancel() {
		this.cancelled = true;
		this.queue.clear();
		this.queued = 0;
		String key = logName();
		this.log.forget("queue-full-" + key);
		this.log.forget("decode-" + key);
		this.log.forget("handler-" + key);
	}

	/**
	 * @return whether {@link #cancel()} was called
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * @return messages waiting for the handler
	 */
	public int queued() {
		return this.queued;
	}

	private String logName() {
		String built = this.logName;
		if (built == null) {
			built = this.name.toString();
			this.logName = built;
		}
		return built;
	}

	@Override
	public String toString() {
		return logName();
	}

}
