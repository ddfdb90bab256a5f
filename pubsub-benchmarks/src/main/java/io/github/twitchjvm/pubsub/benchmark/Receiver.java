package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;

/**
 * One receiver of the throughput suite's bursts, in this JVM or in a process of its own:
 * what it counted, and the CPU time and memory that it used for that, all cumulative
 * since it started, so that the suite measures every receiver the same way (differences
 * around a burst).
 */
interface Receiver extends AutoCloseable {

	/** Messages counted so far. */
	long received();

	/** Messages dropped so far (only the project's client drops, and reports it). */
	default long dropped() {
		return 0;
	}

	/**
	 * Called before each burst with the count at which it is complete, so that a receiver
	 * in another process can say at once when it gets there.
	 */
	default void expect(long total) {
	}

	/** CPU time used so far by what {@link #cpuScope()} says, in nanoseconds. */
	long cpuNanos();

	/** Bytes allocated so far, or {@code -1} where they are not counted. */
	long allocatedBytes();

	/** What the CPU and allocation figures count, for the report. */
	String cpuScope();

	/** Stops listening and lets go of every thread or process of the receiver's own. */
	@Override
	void close() throws IOException;

}
