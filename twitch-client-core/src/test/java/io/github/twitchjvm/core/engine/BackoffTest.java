package io.github.twitchjvm.core.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	@Test
	void doublesFromTheInitialDelayUpToTheCapWithAtMostAQuarterOfJitter() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(120));
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
		assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(125));
		assertThat(backoff.failures()).isEqualTo(1);
	}

}
