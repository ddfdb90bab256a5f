package io.github.twitchjvm.core.dispatch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.core.log.RateLimitedLog;
import org.slf4j.LoggerFactory;

/**
 * How many bytes of messages one client may hold for its handlers, in all its
 * subscriptions' queues together and in each one, and what happens beyond that
 * ({@link OverflowPolicy}). Sizes are estimates (see {@link SubscriptionQueue}); the
 * bound holds within one message per reading socket.
 *
 * <p>
 * Under {@link OverflowPolicy#PAUSE_READING} the budget pauses every registered
 * {@link Reading} when the client's queues pass the budget (or one queue passes its own),
 * and resumes them once the queues are back under half of it.
 */
public final class QueueBudget {

	/**
	 * A socket whose reading the budget may pause; the methods may be called on any
	 * thread.
	 */
	public interface Reading {

		/** Stops asking the server for more messages. */
		void pauseReading();

		/** Reads again. */
		void resumeReading();

	}

	private final long maxBytes;

	private final long maxBytesPerQueue;

	private final OverflowPolicy policy;

	private final RateLimitedLog log;

	private final AtomicLong queuedBytes = new AtomicLong();

	/** Queues past their own bound under {@link OverflowPolicy#PAUSE_READING}. */
	private final AtomicInteger queuesOver = new AtomicInteger();

	private final Set<Reading> readings = new CopyOnWriteArraySet<>();

	private final AtomicLong pauses = new AtomicLong();

	private volatile boolean paused;

	/**
	 * Creates a budget.
	 * @param maxBytes what all queues of the client may hold together
	 * @param maxBytesPerQueue what one subscription's queue may hold
	 * @param policy what happens beyond
	 * @param log where pauses are logged
	 */
	public QueueBudget(long maxBytes, long maxBytesPerQueue, OverflowPolicy policy, RateLimitedLog log) {
		if (maxBytes < 1 || maxBytesPerQueue < 1) {
			throw new IllegalArgumentException("the budget must be positive");
		}
		this.maxBytes = maxBytes;
		this.maxBytesPerQueue = maxBytesPerQueue;
		this.policy = policy;
		this.log = log;
	}

	/**
	 * A budget so large that it is never reached, for tests and tools that want every
	 * message kept.
	 * @return the budget
	 */
	public static QueueBudget unbounded() {
		return new QueueBudget(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, OverflowPolicy.DROP_OLDEST,
				new RateLimitedLog(LoggerFactory.getLogger(QueueBudget.class), Duration.ofMinutes(1)));
	}

	/**
	 * @return what one subscription's queue may hold, in bytes
	 */
	public long maxBytesPerQueue() {
		return this.maxBytesPerQueue;
	}

	/**
	 * @return what the client's queues may hold together, in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * @return the policy beyond the budget
	 */
	public OverflowPolicy policy() {
		return this.policy;
	}

	/**
	 * @return the bytes queued now, in all queues
	 */
	public long queuedBytes() {
		return this.queuedBytes.get();
	}

	/**
	 * @return whether reading is paused now
	 */
	public boolean readingPaused() {
		return this.paused;
	}

	/**
	 * @return how often reading was paused
	 */
	public long pauses() {
		return this.pauses.get();
	}

	/**
	 * A socket that reads from now on; it is paused at once if reading is paused.
	 * @param reading the socket
	 */
	public void register(Reading reading) {
		this.readings.add(reading);
		if (this.paused) {
			reading.pauseReading();
		}
	}

	/**
	 * A socket that ended.
	 * @param reading the socket
	 */
	public void unregister(Reading reading) {
		this.readings.remove(reading);
	}

	/**
	 * @return whether the client's queues hold more than the budget after adding
	 */
	boolean add(long bytes) {
		return this.queuedBytes.addAndGet(bytes) > this.maxBytes;
	}

	boolean over(int factor) {
		return this.queuedBytes.get() > factor * this.maxBytes;
	}

	void release(long bytes) {
		long left = this.queuedBytes.addAndGet(-bytes);
		if (this.paused && left <= this.maxBytes / 2) {
			reconsider();
		}
	}

	/**
	 * Under {@link OverflowPolicy#PAUSE_READING}: a queue or the client passed a bound.
	 */
	void overflowed(boolean queuePassedItsBound) {
		if (queuePassedItsBound) {
			this.queuesOver.incrementAndGet();
		}
		if (!this.paused) {
			reconsider();
		}
	}

	/** A queue that had passed its bound is back under half of it. */
	void queueCaughtUp() {
		if (this.queuesOver.decrementAndGet() == 0 && this.paused) {
			reconsider();
		}
	}

	/**
	 * Pauses or resumes; rare, so a lock keeps the two from crossing.
	 */
	private synchronized void reconsider() {
		long queued = this.queuedBytes.get();
		int over = this.queuesOver.get();
		if (!this.paused && (queued > this.maxBytes || over > 0)) {
			this.paused = true;
			this.pauses.incrementAndGet();
			this.log.warn("reading-paused",
					"Handlers are {} bytes behind (budget {} bytes, {} queue(s) over their own {} bytes): "
							+ "reading paused until they catch up; the server may close a socket that stops reading",
					queued, this.maxBytes, over, this.maxBytesPerQueue);
			this.readings.forEach(Reading::pauseReading);
		}
		else if (this.paused && queued <= this.maxBytes / 2 && over == 0) {
			this.paused = false;
			this.readings.forEach(Reading::resumeReading);
		}
	}

}
