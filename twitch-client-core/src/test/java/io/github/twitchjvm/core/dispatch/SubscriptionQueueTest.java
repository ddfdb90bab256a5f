package io.github.twitchjvm.core.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.log.RateLimitedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionQueueTest {

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final Executor executor = this.tasks::add;

	private final Events events = new Events();

	private final List<String> handled = new ArrayList<>();

	private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(getClass()), Duration.ofSeconds(10));

	private SubscriptionQueue<String> queue(SubscriptionQueue.Handler<String> handler, int capacity) {
		return new SubscriptionQueue<>("subscription to test", handler, capacity, this.executor, this.events, this.log);
	}

	private void runTasks() {
		Runnable task;
		while ((task = this.tasks.poll()) != null) {
			task.run();
		}
	}

	@Test
	void deliversInOrderWithOneDrainScheduledAtATime() {
		SubscriptionQueue<String> queue = queue(this.handled::add, 10);
		queue.offer("a");
		queue.offer("b");
		queue.offer("c");
		assertThat(this.tasks).hasSize(1);
		runTasks();
		assertThat(this.handled).containsExactly("a", "b", "c");
		assertThat(this.events.delivered).isEqualTo(3);
		assertThat(queue.idle()).isTrue();
	}

	@Test
	void aFullQueueDropsItsOldestMessage() {
		SubscriptionQueue<String> queue = queue(this.handled::add, 2);
		queue.offer("a");
		queue.offer("b");
		queue.offer("c");
		runTasks();
		assertThat(this.handled).containsExactly("b", "c");
		assertThat(this.events.drops).containsExactly(DropReason.QUEUE_FULL);
	}

	@Test
	void aDecodingFailureIsADropAndAnyOtherFailureAHandlerErrorAndDeliveryGoesOn() {
		SubscriptionQueue<String> queue = queue((message) -> {
			switch (message) {
				case "undecodable" -> throw new PayloadDecodingException("bad JSON", null);
				case "boom" -> throw new IllegalStateException("boom");
				case "overflow" -> throw new StackOverflowError();
				default -> this.handled.add(message);
			}
		}, 10);
		for (String message : List.of("undecodable", "boom", "overflow", "fine")) {
			queue.offer(message);
		}
		runTasks();
		assertThat(this.handled).containsExactly("fine");
		assertThat(this.events.drops).containsExactly(DropReason.DECODE_ERROR);
		assertThat(this.events.failures).isEqualTo(2);
	}

	@Test
	void aLongQueueYieldsTheThreadAfterABatch() {
		SubscriptionQueue<String> queue = queue(this.handled::add, 1000);
		for (int i = 0; i < 100; i++) {
			queue.offer("m" + i);
		}
		this.tasks.poll().run();
		assertThat(this.handled).hasSize(64);
		assertThat(this.tasks).as("the rest is rescheduled").hasSize(1);
		runTasks();
		assertThat(this.handled).hasSize(100);
	}

	@Test
	void cancelStopsDeliveryAtOnce() {
		SubscriptionQueue<String> queue = queue(this.handled::add, 10);
		queue.offer("a");
		queue.cancel();
		queue.offer("b");
		runTasks();
		assertThat(this.handled).isEmpty();
		assertThat(queue.queued()).isZero();
	}

	private static final class Events implements SubscriptionQueue.Events {

		int delivered;

		int failures;

		final List<DropReason> drops = new ArrayList<>();

		@Override
		public void delivered() {
			this.delivered++;
		}

		@Override
		public void dropped(DropReason reason) {
			this.drops.add(reason);
		}

		@Override
		public void handlerFailed() {
			this.failures++;
		}

	}

}
