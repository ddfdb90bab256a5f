package io.github.twitchjvm.core.dispatch;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.ToIntFunction;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import org.jspecify.annotations.Nullable;

/**
 * One subscription's messages on their way to its handler: a queue bounded in bytes that
 * a connection's reading thread fills and one drain at a time on the dispatch executor
 * empties. So messages reach the handler in order, a slow handler only fills its own
 * queue, and different subscriptions run in parallel. What the queue may hold is set by
 * the client's {@link QueueBudget}: past it, the oldest messages are dropped (each
 * counted as {@link DropReason#QUEUE_FULL}) or the client's reading is paused, as the
 * budget's {@link OverflowPolicy} says.
 *
 * <p>
 * A message's size is an estimate given by the client (for text, its length in characters
 * plus a fixed overhead): it is measured once per queue on the way in and once on the way
 * out, never stored.
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

	@SuppressWarnings("rawtypes")
	private static final AtomicLongFieldUpdater<SubscriptionQueue> QUEUED_BYTES = AtomicLongFieldUpdater
		.newUpdater(SubscriptionQueue.class, "queuedBytes");

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SubscriptionQueue> OVER = AtomicIntegerFieldUpdater
		.newUpdater(SubscriptionQueue.class, "over");

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SubscriptionQueue> TRACKED = AtomicIntegerFieldUpdater
		.newUpdater(SubscriptionQueue.class, "tracked");

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
	 * Grows with use: an array sized for a bound would cost kilobytes per idle
	 * subscription.
	 */
	private final ConcurrentLinkedQueue<M> queue = new ConcurrentLinkedQueue<>();

	private volatile int queued;

	private volatile long queuedBytes;

	/**
	 * 1 while this queue holds more than its bound and has told the budget so (under
	 * {@link OverflowPolicy#PAUSE_READING}).
	 */
	private volatile int over;

	/**
	 * 1 once the budget knows the queue (from its first message: an idle subscription
	 * costs the budget nothing).
	 */
	private volatile int tracked;

	private final ToIntFunction<? super M> sizer;

	private final QueueBudget budget;

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
	 * @param sizer estimates a message's size in bytes; called twice per message, so it
	 * must be cheap and give the same answer both times
	 * @param budget the client's bound on queued bytes, shared by its queues
	 * @param executor runs the drains; it should accept every task (one rejected leaves
	 * the queue waiting for the next message)
	 * @param events told about deliveries, drops and failures
	 * @param log where drops and failures are logged
	 */
	public SubscriptionQueue(Object name, Handler<M> handler, ToIntFunction<? super M> sizer, QueueBudget budget,
			Executor executor, Events events, RateLimitedLog log) {
		this.name = name;
		this.handler = handler;
		this.sizer = sizer;
		this.budget = budget;
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
		if (this.tracked == 0 && TRACKED.compareAndSet(this, 0, 1)) {
			this.budget.track(this);
		}
		int size = this.sizer.applyAsInt(message);
		this.queue.add(message);
		QUEUED.incrementAndGet(this);
		boolean clientOver = this.budget.add(size);
		boolean queueOver = QUEUED_BYTES.addAndGet(this, size) > this.budget.maxBytesPerQueue();
		if (clientOver || queueOver) {
			overflow(queueOver);
		}
		schedule();
	}

	private void overflow(boolean queueOver) {
		if (this.budget.policy() == OverflowPolicy.PAUSE_READING) {
			boolean newlyOver = queueOver && OVER.compareAndSet(this, 0, 1);
			this.budget.overflowed(newlyOver);
			if (newlyOver) {
				// A drain may have emptied the queue between the count and the flag, and
				// seen no flag to clear.
				caughtUpIfBelowHalf(this.queuedBytes);
			}
			// A transport that cannot pause keeps reading: past twice the bounds, memory
			// still wins.
			dropOldest(2);
		}
		else {
			dropOldest(1);
		}
	}

	/**
	 * Drops this queue's oldest messages until it is within its bound times
	 * {@code factor}; then, if the client is beyond its bound times {@code factor}, the
	 * fullest queues pay, not this one: the slow handlers hold the bytes.
	 */
	private void dropOldest(int factor) {
		long queueBound = factor * this.budget.maxBytesPerQueue();
		dropWhileOver(queueBound);
		if (this.budget.over(factor)) {
			this.budget.trim(factor);
		}
	}

	/**
	 * Drops the oldest messages while the queue holds more than {@code bound} bytes (or
	 * until it is empty).
	 * @return how many were dropped
	 */
	int dropWhileOver(long bound) {
		int dropped = 0;
		M oldest;
		while (this.queuedBytes > bound && (oldest = this.queue.poll()) != null) {
			release(oldest);
			this.events.dropped(DropReason.QUEUE_FULL);
			dropped++;
		}
		if (dropped > 0) {
			this.log.warn("queue-full-" + logName(),
					"The handler of {} is too slow: dropped its {} oldest queued message(s); {} bytes still queued "
							+ "(at most {} per subscription, {} for the client)",
					logName(), dropped, this.queuedBytes, this.budget.maxBytesPerQueue(), this.budget.maxBytes());
		}
		return dropped;
	}

	/** Accounts for a message taken off the queue. */
	private void release(M message) {
		int size = this.sizer.applyAsInt(message);
		QUEUED.decrementAndGet(this);
		long left = QUEUED_BYTES.addAndGet(this, -size);
		this.budget.release(size);
		caughtUpIfBelowHalf(left);
	}

	private void caughtUpIfBelowHalf(long queuedBytes) {
		if (this.over == 1 && queuedBytes <= this.budget.maxBytesPerQueue() / 2 && OVER.compareAndSet(this, 1, 0)) {
			this.budget.queueCaughtUp();
		}
	}

	/**
	 * Gives up the flag of a queue past its bound: the queue is emptied for good or for
	 * now.
	 */
	private void clearOver() {
		if (OVER.getAndSet(this, 0) == 1) {
			this.budget.queueCaughtUp();
		}
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
				release(message);
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
			this.log.warn("decode-" + logName(), "Dropped a message of {}: {}", logName(),
					LogText.safe(ex.getMessage()));
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
		// One by one: a drain still running may poll at the same time, and the counts
		// must
		// not go below zero.
		M message;
		while ((message = this.queue.poll()) != null) {
			release(message);
		}
		clearOver();
		this.scheduled = 0;
	}

	/**
	 * Ends the subscription: queued messages are dropped and nothing more is delivered,
	 * even by a drain under way.
	 */
	public void cancel() {
		this.cancelled = true;
		this.budget.untrack(this);
		M message;
		while ((message = this.queue.poll()) != null) {
			release(message);
		}
		clearOver();
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

	/**
	 * @return the estimated bytes of the messages waiting for the handler
	 */
	public long queuedBytes() {
		return this.queuedBytes;
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
