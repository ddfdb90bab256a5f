package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect backoff with jitter, as Twitch asked: start at the initial delay, double on every failed
 * attempt up to the cap, plus up to a quarter of random jitter so that clients do not return in step. A connection
 * that stayed open for the stable period starts again from the initial delay.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private int failures;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	/** The delay before the next attempt, counting this failure. */
	Duration next() {
		long base = this.initial.toNanos();
		for (int i = 0; i < this.failures && base < this.max.toNanos(); i++) {
			base *= 2;
		}
		this.failures++;
		long capped = Math.min(base, this.max.toNanos());
		long jitter = (long) (capped * 0.25 * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos(capped + jitter);
	}

	void reset() {
		this.failures = 0;
	}

	int failures() {
		return this.failures;
	}

}
