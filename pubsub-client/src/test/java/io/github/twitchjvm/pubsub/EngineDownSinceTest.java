package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;

import io.github.twitchjvm.core.testing.FakeConnection;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConnectionStatus#downSince()}: an outage starts when the slot's socket is lost
 * (or its first attempt fails) and lasts through every retry until a socket opens; the
 * state's own time moves with every attempt.
 */
class EngineDownSinceTest {

	private final EngineHarness engine = new EngineHarness();

	@Test
	void anOutageIsMeasuredFromTheLostSocketNotFromTheLastAttempt() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		FakeConnection open = this.engine.openAndConfirm(WHISPERS);
		assertThat(status().downSince()).isNull();

		this.engine.loop.advance(Duration.ofSeconds(5));
		open.drop();
		this.engine.loop.runPending();
		Instant lost = this.engine.loop.now();
		assertThat(status().state()).isEqualTo(ConnectionState.RECONNECTING);
		assertThat(status().downSince()).isEqualTo(lost);

		for (int attempt = 0; attempt < 4; attempt++) {
			retryAndRefuse();
			assertThat(status().stateSince()).as("the state's time moves").isAfter(lost);
			assertThat(status().downSince()).as("the outage's start does not").isEqualTo(lost);
		}

		nextAttempt();
		assertThat(status().downSince()).isEqualTo(lost);
		this.engine.openAndConfirm(WHISPERS);
		assertThat(status().state()).isEqualTo(ConnectionState.OPEN);
		assertThat(status().downSince()).isNull();
	}

	@Test
	void aSlotThatNeverOpenedIsDownFromItsFirstFailedAttempt() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		assertThat(status().downSince()).as("the first attempt is under way").isNull();

		this.engine.loop.advance(Duration.ofSeconds(1));
		this.engine.transport.last().refuse();
		this.engine.loop.runPending();
		Instant failed = this.engine.loop.now();
		assertThat(status().downSince()).isEqualTo(failed);
		retryAndRefuse();
		retryAndRefuse();
		assertThat(status().downSince()).isEqualTo(failed);
		assertThat(status().everOpen()).isFalse();
	}

	@Test
	void aClosedSlotIsNotDown() {
		this.engine.start();
		this.engine.listen(WHISPERS);
		this.engine.transport.last().refuse();
		this.engine.loop.runPending();
		assertThat(status().downSince()).isNotNull();

		this.engine.client.stop();
		this.engine.loop.runPending();
		assertThat(this.engine.client.snapshot().connections())
			.allSatisfy((connection) -> assertThat(connection.downSince()).isNull());
	}

	/** The next attempt starts after the backoff, and the server refuses it. */
	private void retryAndRefuse() {
		nextAttempt();
		this.engine.loop.advance(Duration.ofMillis(10));
		this.engine.transport.last().refuse();
		this.engine.loop.runPending();
		assertThat(status().state()).isEqualTo(ConnectionState.RECONNECTING);
	}

	/** Moves the clock from timer to timer until the next attempt starts. */
	private void nextAttempt() {
		int attempts = this.engine.transport.attempts();
		while (this.engine.transport.attempts() == attempts) {
			this.engine.loop.advance(this.engine.loop.untilNextTimer());
		}
		assertThat(status().state()).isEqualTo(ConnectionState.CONNECTING);
	}

	private ConnectionStatus status() {
		return this.engine.connection("pubsub-1");
	}

}
