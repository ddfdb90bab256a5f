package io.github.twitchjvm.core.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	@Test
	void triesOnceAtOnceThenDoublesFromTheInitialDelayUpToTheCapWithAtMostAQuarterOfJitter() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(120));
		assertThat(backoff.next()).isBetween(Duration.ZERO, Backoff.FIRST_ATTEMPT_JITTER);
		long[] bases = { 1, 2, 4, 8, 16, 32, 64, 120, 120, 120 };
		for (long base : bases) {
			Duration delay = backoff.next();
			assertThat(delay).isBetween(Duration.ofSeconds(base), Duration.ofMillis(base * 1250));
		}
	}

	@Test
	void startsAgainAfterAReset() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
		backoff.next();
		backoff.next();
		backoff.next();
		backoff.reset();
		assertThat(backoff.next()).isBetween(Duration.ZERO, Duration.ofMillis(100));
		assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(125));
		assertThat(backoff.failures()).isEqualTo(2);
	}

	@Test
	void theFirstAttemptNeverWaitsLongerThanTheInitialDelay() {
		Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1));
		for (int i = 0; i < 100; i++) {
			assertThat(backoff.next()).isBetween(Duration.ZERO, Duration.ofMillis(10));
			backoff.reset();
		}
	}

	@Test
	void theLongestCapNeverOverflows() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));
		for (int i = 0; i < 1000; i++) {
			assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofMinutes(75));
		}
	}

}
