package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.log.RateLimitedLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * An {@link EngineLoop} on one thread that exists only while there is work: it starts
 * when a task is posted and ends once the inbox is empty, no timer is set and a short
 * keep-alive has passed. So a client that is not started holds no thread, and one that
 * was stopped leaves none behind, without anybody having to shut the loop down.
 *
 * <p>
 * The inbox is bounded: when it is full, {@link #execute(Runnable)} rejects the task,
 * counts it and logs (rate-limited) rather than letting a stuck engine run the heap out.
 * Timers live in a heap only the loop's thread touches; a task or timer that throws is
 * logged and counted and the loop goes on.
 */
public final class EventLoop implements EngineLoop {

	private static final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(EventLoop.class),
			Duration.ofSeconds(10));

	/** How many inbox tasks run before due timers get a turn. */
	private static final int BATCH = 256;

	private final String name;

	private final ThreadFactory threads;

	private final int capacity;

	private final long keepAliveNanos;

	private final BlockingQueue<Runnable> inbox;

	/**
	 * Timers by deadline, a binary heap in which every timer knows its index, so that
	 * cancelling one takes it out at once ({@code O(log n)}): tens of thousands of
	 * request timeouts are set and cancelled when many topics are listened, and must
	 * neither linger in memory nor keep the thread alive. Touched only on the loop's
	 * thread.
	 */
	private Timer[] heap = new Timer[64];

	private int timers;

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile @Nullable Thread thread;

	private final LongAdder rejected = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private long timerSequence;

	/**
	 * Creates a loop; no thread starts until a task is posted.
	 * @param name names the loop in logs and in its thread's name
	 * @param threads makes the loop's thread (a daemon thread, so that a forgotten client
	 * never keeps a JVM alive)
	 * @param capacity how many tasks may wait in the inbox
	 * @param keepAlive how long the thread waits for work before it ends
	 */
	public EventLoop(String name, ThreadFactory threads, int capacity, Duration keepAlive) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		this.name = name;
		this.threads = threads;
		this.capacity = capacity;
		this.keepAliveNanos = keepAlive.toNanos();
		this.inbox = new LinkedBlockingQueue<>(capacity);
	}

	@Override
	public void execute(Runnable task) {
		if (!this.inbox.offer(task)) {
			this.rejected.increment();
			log.error("rejected-" + this.name,
					"The {} loop's inbox is full ({} tasks): a task was rejected. Something blocks the loop's thread "
							+ "or floods it.",
					this.name, this.capacity);
			throw new RejectedExecutionException(
					"The " + this.name + " loop's inbox is full (" + this.capacity + " tasks)");
		}
		if (!this.running.get() && this.running.compareAndSet(false, true)) {
			startThread();
		}
	}

	@Override
	public Scheduled schedule(Duration delay, Runnable task) {
		Timer timer = new Timer(System.nanoTime() + Math.max(0, delay.toNanos()), task);
		if (inLoop()) {
			add(timer);
		}
		else {
			execute(() -> add(timer));
		}
		return timer;
	}

	@Override
	public long nanoTime() {
		return System.nanoTime();
	}

	@Override
	public Instant now() {
		return Instant.now();
	}

	@Override
	public boolean inLoop() {
		return Thread.currentThread() == this.thread;
	}

	/**
	 * @return tasks rejected because the inbox was full
	 */
	public long rejectedTasks() {
		return this.rejected.sum();
	}

	/**
	 * @return tasks and timers that threw
	 */
	public long failedTasks() {
		return this.failed.sum();
	}

	/**
	 * @return tasks waiting in the inbox now
	 */
	public int queuedTasks() {
		return this.inbox.size();
	}

	private void add(Timer timer) {
		if (timer.cancelled) {
			return;
		}
		timer.sequence = this.timerSequence++;
		if (this.timers == this.heap.length) {
			this.heap = Arrays.copyOf(this.heap, this.heap.length * 2);
		}
		timer.index = this.timers;
		this.heap[this.timers++] = timer;
		siftUp(timer.index);
	}

	private void remove(Timer timer) {
		int index = timer.index;
		if (index < 0 || index >= this.timers || this.heap[index] != timer) {
			return;
		}
		timer.index = -1;
		Timer last = this.heap[--this.timers];
		this.heap[this.timers] = null;
		if (index < this.timers) {
			this.heap[index] = last;
			last.index = index;
			siftDown(index);
			if (this.heap[index] == last) {
				siftUp(index);
			}
		}
		if (this.heap.length > 64 && this.timers < this.heap.length / 4) {
			// Give back the memory of a burst of timers (a reconnect storm's request
			// timeouts).
			this.heap = Arrays.copyOf(this.heap, this.heap.length / 2);
		}
	}

	private void siftUp(int index) {
		Timer moving = this.heap[index];
		while (index > 0) {
			int parent = (index - 1) >>> 1;
			Timer above = this.heap[parent];
			if (moving.compareTo(above) >= 0) {
				break;
			}
			this.heap[index] = above;
			above.index = index;
			index = parent;
		}
		this.heap[index] = moving;
		moving.index = index;
	}

	private void siftDown(int index) {
		Timer moving = this.heap[index];
		int half = this.timers >>> 1;
		while (index < half) {
			int child = 2 * index + 1;
			int right = child + 1;
			if (right < this.timers && this.heap[right].compareTo(this.heap[child]) < 0) {
				child = right;
			}
			if (moving.compareTo(this.heap[child]) <= 0) {
				break;
			}
			this.heap[index] = this.heap[child];
			this.heap[index].index = index;
			index = child;
		}
		this.heap[index] = moving;
		moving.index = index;
	}

	private @Nullable Timer nextTimer() {
		return (this.timers > 0) ? this.heap[0] : null;
	}

	private void startThread() {
		try {
			Thread started = this.threads.newThread(this::run);
			this.thread = started;
			started.start();
		}
		catch (RuntimeException | Error ex) {
			// No thread: let the next task try again rather than queue behind a loop that
			// never runs.
			this.running.set(false);
			throw ex;
		}
	}

	private void run() {
		this.thread = Thread.currentThread();
		boolean ended = false;
		try {
			while (true) {
				runDueTimers();
				Timer next = nextTimer();
				Runnable task;
				if (next == null) {
					task = this.inbox.poll(this.keepAliveNanos, TimeUnit.NANOSECONDS);
					if (task == null && mayEnd()) {
						ended = true;
						return;
					}
				}
				else {
					long wait = next.deadline - System.nanoTime();
					task = (wait > 0) ? this.inbox.poll(wait, TimeUnit.NANOSECONDS) : this.inbox.poll();
				}
				for (int ran = 0; task != null; task = (++ran < BATCH) ? this.inbox.poll() : null) {
					runSafely(task);
				}
			}
		}
		catch (InterruptedException ex) {
			// Only a JVM shutting down interrupts this daemon thread; the finally block
			// below hands what is left
			// to a new one.
			Thread.currentThread().interrupt();
		}
		finally {
			if (!ended) {
				// The thread is leaving without having run out of work (interrupted, or
				// an error the task guard
				// could not catch): a loop must never stay "running" without a thread, or
				// it would queue for ever.
				this.running.set(false);
				if ((this.timers > 0 || !this.inbox.isEmpty()) && this.running.compareAndSet(false, true)) {
					startThread();
				}
			}
		}
	}

	/**
	 * Ends the thread unless work arrived meanwhile; a task posted after this check
	 * starts a new thread.
	 */
	private boolean mayEnd() {
		if (this.timers > 0 || !this.inbox.isEmpty()) {
			return false;
		}
		this.running.set(false);
		return this.inbox.isEmpty() || !this.running.compareAndSet(false, true);
	}

	private void runDueTimers() {
		long now = System.nanoTime();
		Timer next;
		while ((next = nextTimer()) != null && next.deadline - now <= 0) {
			remove(next);
			if (!next.cancelled) {
				next.done = true;
				runSafely(next.task);
			}
		}
	}

	private void runSafely(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			// Errors too (a StackOverflowError in a listener): the loop carries every
			// connection of the client, and
			// ending its thread would leave them all without timers.
			this.failed.increment();
			log.error("failed-" + this.name, "A task on the {} loop failed; the loop goes on", this.name, ex);
		}
	}

	@Override
	public String toString() {
		return "EventLoop[" + this.name + "]";
	}

	private final class Timer implements Scheduled, Comparable<Timer> {

		final long deadline;

		final Runnable task;

		long sequence;

		/** Where it is in the heap, or -1; touched on the loop's thread only. */
		int index = -1;

		volatile boolean cancelled;

		/** Ran already; touched on the loop's thread only. */
		boolean done;

		Timer(long deadline, Runnable task) {
			this.deadline = deadline;
			this.task = task;
		}

		@Override
		public void cancel() {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			if (inLoop()) {
				remove(this);
				return;
			}
			try {
				// Out of the heap on the loop's thread, which wakes up and may end if
				// this was its last timer.
				execute(() -> remove(this));
			}
			catch (RejectedExecutionException ex) {
				// The loop is flooded: the timer stays until its deadline and then does
				// nothing.
			}
		}

		@Override
		public int compareTo(Timer other) {
			int byDeadline = Long.compare(this.deadline - other.deadline, 0);
			return (byDeadline != 0) ? byDeadline : Long.compare(this.sequence, other.sequence);
		}

	}

}
