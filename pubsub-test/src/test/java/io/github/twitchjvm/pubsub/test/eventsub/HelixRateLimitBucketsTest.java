package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets on a clock of their own: refill, reset time, bounded memory. */
class HelixRateLimitBucketsTest {

	private final AtomicLong nanos = new AtomicLong();

	private final HelixRateLimit limit = new HelixRateLimit(60, this.nanos::get);

	@Test
	void refillsContinuouslyOverAMinute() {
		for (int i = 0; i < 60; i++) {
			assertThat(this.limit.take("c", 1000).allowed()).isTrue();
		}
		HelixRateLimit.Decision empty = this.limit.take("c", 1000);
		assertThat(empty.allowed()).isFalse();
		assertThat(empty.remaining()).isZero();
		assertThat(empty.reset()).isEqualTo(1060);
		this.nanos.addAndGet(1_000_000_000L);
		assertThat(this.limit.take("c", 1001).allowed()).as("one point a second").isTrue();
		assertThat(this.limit.take("c", 1001).allowed()).isFalse();
		assertThat(this.limit.take("other", 1001).remaining()).as("per client id").isEqualTo(59);
	}

	@Test
	void keepsTheBucketsOfABoundedNumberOfClients() {
		for (int i = 0; i < HelixRateLimit.MAX_CLIENTS + 100; i++) {
			this.limit.take("made-up-" + i, 1000);
		}
		assertThat(this.limit.clients()).isEqualTo(HelixRateLimit.MAX_CLIENTS);
	}

}
