package io.github.twitchjvm.pubsub.testcontainers;

import java.time.Duration;

/**
 * The control API counts in whole milliseconds and token lifetimes in whole seconds; a
 * shorter part is rounded up, so that a short duration never becomes none.
 */
final class Durations {

	private Durations() {
	}

	static long millisRoundedUp(Duration duration) {
		long millis = duration.toMillis();
		return (duration.compareTo(Duration.ofMillis(millis)) > 0) ? millis + 1 : millis;
	}

	static long secondsRoundedUp(Duration duration) {
		long seconds = duration.toSeconds();
		return (duration.compareTo(Duration.ofSeconds(seconds)) > 0) ? seconds + 1 : seconds;
	}

}
