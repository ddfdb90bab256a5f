package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect backoff with jitter. The first attempt after a reset goes out at
 * once (within a small random jitter: one lost connection is usually just that); from the
 * second on, the delay starts at the initial delay, as Twitch asks, and doubles on every
 * failed attempt up to the cap, plus up to a quarter of random jitter so that clients do
 * not return in step. A connection that did work starts again from the beginning
 * ({@link #reset()}). Belongs to one engine thread.
 */
public final class Backoff {

	/**
	 * The most the first attempt waits: enough to spread clients out, too little to
	 * notice.
	 */
	static final Duration FIRST_ATTEMPT_JITTER = Duration.ofMillis(100);

	private final long initialNanos;

	private final long maxNanos;

	private int failures;

	/**
	 * Creates a backoff.
	 * @param initial the first delay
	 * @param max the longest delay, before jitter
	 */
	public Backoff(Duration initial, Duration max) {
		this.initialNanos = initial.toNanos();
		this.maxNanos = max.toNanos();
	}

	/**
	 * The delay before the next attempt, counting this failure.
	 * @return the delay
	 */
	public Duration next() {
		if (this.failures == 0) {
			this.failures = 1;
			long spread = Math.min(FIRST_ATTEMPT_JITTER.toNanos(), this.initialNanos);
			return Duration.ofNanos((spread > 0) ? ThreadLocalRandom.current().nextLong(spread + 1) : 0);
		}
		long base = this.initialNanos;
		for (int i = 1; i < this.failures && base < this.maxNanos; i++) {
			base = (base > Long.MAX_VALUE / 2) ? Long.MAX_VALUE : base * 2;
		}
		if (this.failures < Integer.MAX_VALUE) {
			this.failures++;
		}
		long capped = Math.min(base, this.maxNanos);
		long jitter = (long) (capped * 0.25 * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos((capped > Long.MAX_VALUE - jitter) ? Long.MAX_VALUE : capped + jitter);
	}

	/**
	 * Starts again from the initial delay.
	 */
	public void reset() {
		this.failures = 0;
	}

	/**
	 * @return failed attempts since the last reset
	 */
	public int failures() {
		return this.failures;
	}

}
