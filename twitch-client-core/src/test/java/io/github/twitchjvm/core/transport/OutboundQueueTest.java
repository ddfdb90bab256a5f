package io.github.twitchjvm.core.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundQueueTest {

	private final Connection connection = new Connection();

	private final List<Throwable> failures = new ArrayList<>();

	private final OutboundQueue queue = new OutboundQueue(this.connection, 10, this.failures::add);

	@Test
	void sendsOneFrameAtATimeInOrder() {
		assertThat(this.queue.send("a")).isTrue();
		assertThat(this.queue.send("bb")).isTrue();
		assertThat(this.queue.send("ccc")).isTrue();
		assertThat(this.connection.sent).containsExactly("a");
		assertThat(this.queue.queuedCharacters()).isEqualTo(5);
		this.connection.finishOne();
		assertThat(this.connection.sent).containsExactly("a", "bb");
		this.connection.finishOne();
		this.connection.finishOne();
		assertThat(this.connection.sent).containsExactly("a", "bb", "ccc");
		assertThat(this.queue.isSending()).isFalse();
	}

	@Test
	void refusesAFrameThatDoesNotFitWhileThePeerIsNotReading() {
		this.queue.send("on its way, not counted");
		assertThat(this.queue.send("123456")).isTrue();
		assertThat(this.queue.send("1234")).isTrue();
		assertThat(this.queue.send("x")).as("past the bound").isFalse();
	}

	@Test
	void aFailedSendIsReportedOnceAndClosesTheQueue() {
		this.queue.send("a");
		this.queue.send("b");
		this.connection.failOne();
		assertThat(this.failures).hasSize(1);
		assertThat(this.queue.send("c")).isFalse();
		assertThat(this.connection.sent).containsExactly("a");
	}

	@Test
	void aTransportThatFinishesSendsAtOnceAddsNoStack() {
		this.connection.immediate = true;
		OutboundQueue large = new OutboundQueue(this.connection, Long.MAX_VALUE, this.failures::add);
		for (int i = 0; i < 100_000; i++) {
			large.send("x");
		}
		assertThat(this.connection.sent).hasSize(100_000);
	}

	@Test
	void closeDropsWhatWaits() {
		this.queue.send("a");
		this.queue.send("b");
		this.queue.close();
		this.connection.finishOne();
		assertThat(this.connection.sent).containsExactly("a");
		assertThat(this.failures).isEmpty();
	}

	private static final class Connection implements WebSocketConnection {

		final List<String> sent = new ArrayList<>();

		final List<CompletableFuture<Void>> pending = new ArrayList<>();

		boolean immediate;

		@Override
		public CompletableFuture<Void> sendText(String text) {
			this.sent.add(text);
			if (this.immediate) {
				return CompletableFuture.completedFuture(null);
			}
			CompletableFuture<Void> future = new CompletableFuture<>();
			this.pending.add(future);
			return future;
		}

		void finishOne() {
			this.pending.remove(0).complete(null);
		}

		void failOne() {
			this.pending.remove(0).completeExceptionally(new java.io.IOException("broken pipe"));
		}

		@Override
		public void pauseReading() {
		}

		@Override
		public void resumeReading() {
		}

		@Override
		public void close(int code, String reason) {
		}

		@Override
		public void abort() {
		}

	}

}
