package io.github.twitchjvm.eventsub.helix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A Helix answer is read up to its limit, and a longer one is abandoned. */
class BoundedBodyTest {

	@Test
	void readsAnAnswerWithinTheLimit() throws Exception {
		BoundedBody body = new BoundedBody(10);
		body.onSubscribe(subscription(new AtomicBoolean()));
		body.onNext(List.of(ByteBuffer.wrap("{\"a\":".getBytes(StandardCharsets.UTF_8)),
				ByteBuffer.wrap("\"é\"}".getBytes(StandardCharsets.UTF_8))));
		body.onComplete();
		assertThat(body.getBody().toCompletableFuture().get()).isEqualTo("{\"a\":\"é\"}");
	}

	@Test
	void abandonsALongerAnswer() {
		AtomicBoolean cancelled = new AtomicBoolean();
		BoundedBody body = new BoundedBody(10);
		body.onSubscribe(subscription(cancelled));
		body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
		body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
		assertThat(cancelled).isTrue();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> body.getBody().toCompletableFuture().get())
			.withMessageContaining("longer than 10 bytes");
	}

	private static Flow.Subscription subscription(AtomicBoolean cancelled) {
		return new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				cancelled.set(true);
			}

		};
	}

}
