package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one thread an engine's state belongs to. Work from other threads (API calls,
 * transport callbacks, completed token fetches) is posted with {@link #execute(Runnable)}
 * and runs in the order posted; timers run on the same thread. So engine classes touch
 * their state without locks, and nothing they do may block: a task that waits holds up
 * every connection of the engine.
 *
 * <p>
 * Time comes from the loop ({@link #nanoTime()}, {@link #now()}), so that a test can
 * replace the loop by one it drives by hand.
 */
public interface EngineLoop {

	/**
	 * Runs a task on the loop, after the tasks posted before it.
	 * @param task the task; an exception it throws is logged and counted, and the loop
	 * goes on
	 * @throws RejectedExecutionException if the inbox is full (the engine is stuck or
	 * flooded); the rejection is counted and logged
	 */
	void execute(Runnable task);

	/**
	 * Runs a task on the loop once a delay has passed.
	 * @param delay how long from now; zero or negative runs it with the next timers
	 * @param task the task
	 * @return a handle that cancels it
	 */
	Scheduled schedule(Duration delay, Runnable task);

	/**
	 * @return the loop's monotonic clock, in nanoseconds, for deadlines and elapsed times
	 */
	long nanoTime();

	/**
	 * @return the loop's wall clock, for times shown to people
	 */
	Instant now();

	/**
	 * @return whether the calling thread is the loop's, where engine state may be touched
	 * directly
	 */
	boolean inLoop();

	/**
	 * A timer set with {@link #schedule(Duration, Runnable)}.
	 */
	@FunctionalInterface
	interface Scheduled {

		/** A timer that was never set. */
		Scheduled NONE = () -> {
		};

		/**
		 * Cancels the timer; harmless when it ran or was cancelled already.
		 */
		void cancel();

	}

}
