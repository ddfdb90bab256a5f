package io.github.twitchjvm.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

import io.github.twitchjvm.core.engine.EngineLoop;

/**
 * An {@link EngineLoop} a test drives by hand: tasks wait until {@link #runPending()},
 * and time stands still until {@link #advance(Duration)}, which runs the timers that fall
 * due, in order, at their own time. Everything runs on the test's thread, which therefore
 * counts as the loop's. A task that throws fails the test.
 */
public final class ManualEngineLoop implements EngineLoop {

	private static final Instant EPOCH = Instant.parse("2026-12-01T00:00:00Z");

	private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();

	private final PriorityQueue<ManualTimer> timers = new PriorityQueue<>();

	private final int capacity;

	private long nanos = 1_000_000_000L;

	private long sequence;

	private int rejected;

	/** A loop whose inbox takes any number of tasks. */
	public ManualEngineLoop() {
		this(Integer.MAX_VALUE);
	}

	/**
	 * A loop with a bounded inbox.
	 * @param capacity how many tasks may wait
	 */
	public ManualEngineLoop(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public void execute(Runnable task) {
		if (this.inbox.size() >= this.capacity) {
			this.rejected++;
			throw new RejectedExecutionException("inbox full");
		}
		this.inbox.add(task);
	}

	@Override
	public Scheduled schedule(Duration delay, Runnable task) {
		ManualTimer timer = new ManualTimer(this.nanos + Math.max(0, delay.toNanos()), this.sequence++, task);
		this.timers.add(timer);
		return timer;
	}

	@Override
	public long nanoTime() {
		return this.nanos;
	}

	@Override
	public Instant now() {
		return EPOCH.plusNanos(this.nanos);
	}

	@Override
	public boolean inLoop() {
		return true;
	}

	/**
	 * Runs posted tasks, and what they post, until none is left, and timers due now.
	 * @return this loop
	 */
	public ManualEngineLoop runPending() {
		while (true) {
			Runnable task = this.inbox.poll();
			if (task != null) {
				task.run();
				continue;
			}
			ManualTimer due = this.timers.peek();
			if (due != null && (due.cancelled || due.deadline <= this.nanos)) {
				this.timers.poll();
				if (!due.cancelled) {
					due.done = true;
					due.task.run();
				}
				continue;
			}
			return this;
		}
	}

	/**
	 * Lets time pass: runs pending tasks, then each timer that falls due within the
	 * duration at its deadline, with the tasks it posts, and ends at the given time.
	 * @param duration how much time passes
	 * @return this loop
	 */
	public ManualEngineLoop advance(Duration duration) {
		long target = this.nanos + duration.toNanos();
		runPending();
		ManualTimer next;
		while ((next = this.timers.peek()) != null && next.deadline <= target) {
			this.timers.poll();
			if (next.cancelled) {
				continue;
			}
			this.nanos = Math.max(this.nanos, next.deadline);
			next.done = true;
			next.task.run();
			runPending();
		}
		this.nanos = target;
		return runPending();
	}

	/**
	 * @return the time until the next timer that is still set, or {@code null} when none
	 * is
	 */
	public Duration untilNextTimer() {
		this.timers.removeIf((timer) -> timer.cancelled);
		ManualTimer next = this.timers.peek();
		return (next != null) ? Duration.ofNanos(next.deadline - this.nanos) : null;
	}

	/**
	 * @return timers set and neither run nor cancelled
	 */
	public int activeTimers() {
		return (int) this.timers.stream().filter((timer) -> !timer.cancelled).count();
	}

	/**
	 * @return tasks waiting to run
	 */
	public int pendingTasks() {
		return this.inbox.size();
	}

	/**
	 * @return tasks refused because the inbox was full
	 */
	public int rejectedTasks() {
		return this.rejected;
	}

	private static final class ManualTimer implements Scheduled, Comparable<ManualTimer> {

		final long deadline;

		final long sequence;

		final Runnable task;

		boolean cancelled;

		boolean done;

		ManualTimer(long deadline, long sequence, Runnable task) {
			this.deadline = deadline;
			this.sequence = sequence;
			this.task = task;
		}

		@Override
		public void cancel() {
			this.cancelled = !this.done;
		}

		@Override
		public int compareTo(ManualTimer other) {
			int byDeadline = Long.compare(this.deadline, other.deadline);
			return (byDeadline != 0) ? byDeadline : Long.compare(this.sequence, other.sequence);
		}

	}

}
