package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.core.testing.ManualEngineLoop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

	private final ManualEngineLoop loop = new ManualEngineLoop();

	private final Pacer pacer = new Pacer(this.loop, 4);

	private final List<Integer> sent = new ArrayList<>();

	@Test
	void aSecondsWorthGoesAtOnceAndTheRestAtTheRateInOrder() {
		for (int i = 0; i < 10; i++) {
			int request = i;
			this.pacer.submit(() -> this.sent.add(request));
		}
		assertThat(this.sent).containsExactly(0, 1, 2, 3);
		assertThat(this.pacer.waiting()).isEqualTo(6);
		this.loop.advance(Duration.ofMillis(249));
		assertThat(this.sent).hasSize(4);
		this.loop.advance(Duration.ofMillis(1));
		assertThat(this.sent).containsExactly(0, 1, 2, 3, 4);
		this.loop.advance(Duration.ofSeconds(2));
		assertThat(this.sent).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void clearForgetsWaitingRequests() {
		for (int i = 0; i < 6; i++) {
			int request = i;
			this.pacer.submit(() -> this.sent.add(request));
		}
		this.pacer.clear();
		this.loop.advance(Duration.ofSeconds(5));
		assertThat(this.sent).containsExactly(0, 1, 2, 3);
		assertThat(this.loop.activeTimers()).isZero();
	}

}
