package io.github.twitchjvm.core.dispatch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.core.log.RateLimitedLog;

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

	/**
	 * The queues that ever held a message, for {@link #trim(int)} to find the fullest.
	 */
	private final Set<SubscriptionQueue<?>> queues = ConcurrentHashMap.newKeySet();

	private final AtomicLong pauses = new AtomicLong();

	private volatile boolean paused;

	/**
	 * Counts pauses and resumes, so that a resume overtaken by a pause stops. Guarded by
	 * this.
	 */
	private long generation;

	/** Where sockets are resumed. */
	private final Executor resumer;

	/**
	 * Creates a budget.
	 * @param maxBytes what all queues of the client may hold together
	 * @param maxBytesPerQueue what one subscription's queue may hold
	 * @param policy what happens beyond
	 * @param log where pauses are logged
	 * @param resumer where sockets are resumed (for example the client's engine loop; the
	 * common pool when it refuses): never the thread that freed the room, since a socket
	 * that reads again may read on the calling thread
	 */
	public QueueBudget(long maxBytes, long maxBytesPerQueue, OverflowPolicy policy, RateLimitedLog log,
			Executor resumer) {
		if (maxBytes < 1 || maxBytesPerQueue < 1) {
			throw new IllegalArgumentException("the budget must be positive");
		}
		this.maxBytes = maxBytes;
		this.maxBytesPerQueue = maxBytesPerQueue;
		this.policy = policy;
		this.log = log;
		this.resumer = resumer;
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
		synchronized (this) {
			this.readings.add(reading);
			if (this.paused) {
				reading.pauseReading();
			}
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

	void track(SubscriptionQueue<?> queue) {
		this.queues.add(queue);
	}

	void untrack(SubscriptionQueue<?> queue) {
		this.queues.remove(queue);
	}

	/**
	 * The client holds more than its bound times {@code factor}: the fullest queues drop
	 * their oldest messages until it holds a tenth less than that, so that trimming is
	 * rare under a steady overload. A scan of the queues per fullest queue, only past the
	 * bound.
	 */
	void trim(int factor) {
		long target = factor * this.maxBytes / 10 * 9;
		while (this.queuedBytes.get() > target) {
			SubscriptionQueue<?> fullest = null;
			long most = 0;
			for (SubscriptionQueue<?> queue : this.queues) {
				long bytes = queue.queuedBytes();
				if (bytes > most) {
					most = bytes;
					fullest = queue;
				}
			}
			if (fullest == null) {
				return;
			}
			long excess = this.queuedBytes.get() - target;
			if (fullest.dropWhileOver(Math.max(0, most - excess)) == 0) {
				return;
			}
		}
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
	 * Pauses or resumes. Decided under a lock (rare: only when a bound is crossed);
	 * pausing happens under it too, since it only sets a flag in each socket, while
	 * resuming is handed to the resumer: a socket that reads again may read on the
	 * calling thread, which must not be a drain in the middle of its accounting, nor hold
	 * this lock.
	 */
	private void reconsider() {
		long resume;
		synchronized (this) {
			if (!this.paused && mustPause()) {
				this.paused = true;
				this.generation++;
				this.pauses.incrementAndGet();
				this.log.warn("reading-paused",
						"Handlers are {} bytes behind (budget {} bytes, {} queue(s) over their own {} bytes): "
								+ "reading paused until they catch up; the server may close a socket that stops "
								+ "reading",
						this.queuedBytes.get(), this.maxBytes, this.queuesOver.get(), this.maxBytesPerQueue);
				this.readings.forEach(Reading::pauseReading);
				// A drain that read 'paused' as false just before may have freed the room
				// already: then nobody else would resume.
			}
			if (!this.paused || !mayResume()) {
				return;
			}
			this.paused = false;
			this.generation++;
			resume = this.generation;
		}
		try {
			this.resumer.execute(() -> resumeAll(resume));
		}
		catch (RejectedExecutionException ex) {
			ForkJoinPool.commonPool().execute(() -> resumeAll(resume));
		}
	}

	private boolean mustPause() {
		return this.queuedBytes.get() > this.maxBytes || this.queuesOver.get() > 0;
	}

	private boolean mayResume() {
		return this.queuedBytes.get() <= this.maxBytes / 2 && this.queuesOver.get() == 0;
	}

	/**
	 * Resumes the sockets, unless reading was paused again meanwhile (that pause covered
	 * every socket); a socket resumed just as a new pause began is paused again.
	 */
	private void resumeAll(long resume) {
		for (Reading reading : this.readings) {
			synchronized (this) {
				if (this.generation != resume) {
					return;
				}
			}
			reading.resumeReading();
			synchronized (this) {
				if (this.paused) {
					reading.pauseReading();
					return;
				}
			}
		}
	}

}
