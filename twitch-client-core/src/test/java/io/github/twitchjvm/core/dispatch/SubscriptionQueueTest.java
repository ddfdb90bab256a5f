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

	/** Each character of a test message counts as one byte: "a" is 1 byte, "bbbb" 4. */
	private SubscriptionQueue<String> queue(SubscriptionQueue.Handler<String> handler, int maxBytes) {
		return queue(handler, new QueueBudget(1_000_000, maxBytes, OverflowPolicy.DROP_OLDEST, this.log));
	}

	private SubscriptionQueue<String> queue(SubscriptionQueue.Handler<String> handler, QueueBudget budget) {
		return new SubscriptionQueue<>("subscription to test", handler, String::length, budget, this.executor,
				this.events, this.log);
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
	void theQueueIsBoundedInBytesNotMessages() {
		SubscriptionQueue<String> queue = queue(this.handled::add, 10);
		queue.offer("aaaa");
		queue.offer("bbbb");
		assertThat(queue.queuedBytes()).isEqualTo(8);
		queue.offer("cccccc");
		assertThat(queue.queuedBytes()).as("the oldest made room for 6 bytes").isEqualTo(10);
		queue.offer("d");
		queue.offer("e");
		runTasks();
		assertThat(this.handled).containsExactly("cccccc", "d", "e");
		assertThat(this.events.drops).containsExactly(DropReason.QUEUE_FULL, DropReason.QUEUE_FULL);
		assertThat(queue.queuedBytes()).isZero();
	}

	@Test
	void theClientBudgetBoundsAllQueuesTogether() {
		QueueBudget budget = new QueueBudget(10, 8, OverflowPolicy.DROP_OLDEST, this.log);
		List<String> other = new ArrayList<>();
		SubscriptionQueue<String> slow = queue(this.handled::add, budget);
		SubscriptionQueue<String> second = queue(other::add, budget);
		slow.offer("aaaa");
		slow.offer("bbbb");
		second.offer("cc");
		assertThat(budget.queuedBytes()).isEqualTo(10);
		second.offer("dd");
		assertThat(budget.queuedBytes()).as("the receiving queue dropped its oldest").isEqualTo(10);
		runTasks();
		assertThat(this.handled).containsExactly("aaaa", "bbbb");
		assertThat(other).containsExactly("dd");
		assertThat(budget.queuedBytes()).isZero();
	}

	@Test
	void pauseReadingKeepsEveryMessageAndPausesUntilHalfTheBudgetIsFree() {
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log);
		Reading reading = new Reading();
		budget.register(reading);
		SubscriptionQueue<String> queue = queue(this.handled::add, budget);
		queue.offer("aaaa");
		queue.offer("bbbb");
		assertThat(reading.paused).isFalse();
		queue.offer("cccc");
		assertThat(reading.paused).as("12 bytes > 10").isTrue();
		assertThat(budget.readingPaused()).isTrue();
		Reading late = new Reading();
		budget.register(late);
		assertThat(late.paused).as("a socket opened while paused starts paused").isTrue();
		this.tasks.clear();
		queue.run();
		assertThat(this.handled).containsExactly("aaaa", "bbbb", "cccc");
		assertThat(this.events.drops).isEmpty();
		assertThat(reading.paused).isFalse();
		assertThat(reading.resumes).isEqualTo(1);
		assertThat(budget.pauses()).isEqualTo(1);
	}

	@Test
	void pauseReadingStillDropsPastTwiceTheBoundWhenTheTransportKeepsReading() {
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log);
		SubscriptionQueue<String> queue = queue(this.handled::add, budget);
		for (String message : List.of("aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff")) {
			queue.offer(message);
		}
		assertThat(queue.queuedBytes()).isEqualTo(20);
		assertThat(this.events.drops).containsExactly(DropReason.QUEUE_FULL);
	}

	@Test
	void cancellingGivesTheBytesBackToTheBudget() {
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log);
		Reading reading = new Reading();
		budget.register(reading);
		SubscriptionQueue<String> queue = queue(this.handled::add, budget);
		queue.offer("aaaaaaaaaaaa");
		assertThat(reading.paused).isTrue();
		queue.cancel();
		assertThat(budget.queuedBytes()).isZero();
		assertThat(reading.paused).isFalse();
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
		}, 100);
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

	private static final class Reading implements QueueBudget.Reading {

		volatile boolean paused;

		int resumes;

		@Override
		public void pauseReading() {
			this.paused = true;
		}

		@Override
		public void resumeReading() {
			this.paused = false;
			this.resumes++;
		}

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
