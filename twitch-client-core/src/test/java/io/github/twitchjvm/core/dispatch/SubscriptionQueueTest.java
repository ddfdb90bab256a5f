package io.github.twitchjvm.core.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.RateLimitedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionQueueTest {

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final Executor executor = this.tasks::add;

	private final Events events = new Events();

	private final List<String> handled = new ArrayList<>();

	private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(getClass()), Duration.ofSeconds(10));

	/** Each character of a test message counts as one byte: "a" is 1 byte, "bbbb" 4. */
	private SubscriptionQueue<String> queue(SubscriptionQueue.Handler<String> handler, int maxBytes) {
		return queue(handler,
				new QueueBudget(1_000_000, maxBytes, OverflowPolicy.DROP_OLDEST, this.log, Runnable::run));
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
	void theClientBudgetBoundsAllQueuesTogetherAndTheFullestQueuePays() {
		QueueBudget budget = new QueueBudget(10, 8, OverflowPolicy.DROP_OLDEST, this.log, Runnable::run);
		List<String> other = new ArrayList<>();
		SubscriptionQueue<String> slow = queue(this.handled::add, budget);
		SubscriptionQueue<String> second = queue(other::add, budget);
		slow.offer("aaaa");
		slow.offer("bbbb");
		second.offer("cc");
		assertThat(budget.queuedBytes()).isEqualTo(10);
		second.offer("dd");
		assertThat(budget.queuedBytes()).as("a tenth under the bound").isEqualTo(8);
		runTasks();
		assertThat(this.handled).as("the fullest queue dropped its oldest").containsExactly("bbbb");
		assertThat(other).as("the small queue lost nothing").containsExactly("cc", "dd");
		assertThat(budget.queuedBytes()).isZero();
	}

	@Test
	void pauseReadingKeepsEveryMessageAndPausesUntilHalfTheBudgetIsFree() {
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log, Runnable::run);
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
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log, Runnable::run);
		SubscriptionQueue<String> queue = queue(this.handled::add, budget);
		for (String message : List.of("aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff")) {
			queue.offer(message);
		}
		assertThat(queue.queuedBytes()).isEqualTo(20);
		assertThat(this.events.drops).containsExactly(DropReason.QUEUE_FULL);
	}

	@Test
	void socketsResumeOnTheResumerNotOnTheThreadThatFreedTheRoom() {
		ConcurrentLinkedQueue<Runnable> resumes = new ConcurrentLinkedQueue<>();
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log, resumes::add);
		Reading reading = new Reading();
		budget.register(reading);
		SubscriptionQueue<String> queue = queue(this.handled::add, budget);
		queue.offer("aaaaaaaaaaaa");
		assertThat(reading.paused).isTrue();
		runTasks();
		assertThat(budget.readingPaused()).isFalse();
		assertThat(reading.paused).as("not yet: the drain only decided").isTrue();
		resumes.poll().run();
		assertThat(reading.paused).isFalse();
	}

	@Test
	void underConcurrentOffersAndDrainsReadingEndsResumedOnceAllIsHandled() throws Exception {
		ExecutorService drains = Executors.newFixedThreadPool(2);
		try {
			QueueBudget budget = new QueueBudget(4096, 1024, OverflowPolicy.PAUSE_READING, this.log, drains);
			Reading reading = new Reading();
			budget.register(reading);
			AtomicInteger handled = new AtomicInteger();
			AtomicInteger dropped = new AtomicInteger();
			List<SubscriptionQueue<String>> queues = List.of(concurrentQueue(handled, dropped, budget, drains),
					concurrentQueue(handled, dropped, budget, drains));
			Thread[] readers = new Thread[2];
			for (int r = 0; r < readers.length; r++) {
				SubscriptionQueue<String> target = queues.get(r);
				readers[r] = new Thread(() -> {
					for (int i = 0; i < 50_000; i++) {
						target.offer("0123456789abcdef0123456789abcdef");
					}
				});
				readers[r].start();
			}
			for (Thread reader : readers) {
				reader.join(60_000);
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> queues.stream().allMatch(SubscriptionQueue::idle) && !reading.paused);
			assertThat(budget.queuedBytes()).isZero();
			assertThat(budget.readingPaused()).isFalse();
			// These readers cannot pause: past twice the bounds, their oldest are
			// dropped.
			assertThat(handled.get() + dropped.get()).isEqualTo(100_000);
		}
		finally {
			drains.shutdownNow();
		}
	}

	private SubscriptionQueue<String> concurrentQueue(AtomicInteger handled, AtomicInteger dropped, QueueBudget budget,
			Executor executor) {
		SubscriptionQueue.Events counting = new SubscriptionQueue.Events() {

			@Override
			public void delivered() {
			}

			@Override
			public void dropped(DropReason reason) {
				dropped.incrementAndGet();
			}

			@Override
			public void handlerFailed() {
			}

		};
		return new SubscriptionQueue<>("subscription to test", (message) -> handled.incrementAndGet(), String::length,
				budget, executor, counting, this.log);
	}

	@Test
	void cancellingGivesTheBytesBackToTheBudget() {
		QueueBudget budget = new QueueBudget(1000, 10, OverflowPolicy.PAUSE_READING, this.log, Runnable::run);
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

		volatile int resumes;

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
