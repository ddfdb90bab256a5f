package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class EventLoopTest {

	private final CountDownLatch release = new CountDownLatch(1);

	private final EventLoop loop = new EventLoop("test", new NamedThreadFactory("test-loop"), 100,
			Duration.ofMillis(50));

	@AfterEach
	void releaseTheLoop() {
		this.release.countDown();
	}

	@Test
	void runsTasksInTheOrderPostedOnItsOwnThread() throws InterruptedException {
		List<String> order = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(3);
		for (String name : List.of("a", "b", "c")) {
			this.loop.execute(() -> {
				order.add(name + (this.loop.inLoop() ? "@loop" : "@elsewhere"));
				done.countDown();
			});
		}
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(order).containsExactly("a@loop", "b@loop", "c@loop");
		assertThat(this.loop.inLoop()).isFalse();
	}

	@Test
	void aFullInboxRejectsAndCountsTheTask() throws InterruptedException {
		EventLoop small = new EventLoop("small", new NamedThreadFactory("small-loop"), 2, Duration.ofMillis(50));
		CountDownLatch blocking = new CountDownLatch(1);
		small.execute(() -> {
			blocking.countDown();
			waitFor(this.release);
		});
		assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
		small.execute(() -> {
		});
		small.execute(() -> {
		});
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> small.execute(() -> {
		})).withMessageContaining("inbox is full");
		assertThat(small.rejectedTasks()).isOne();
		assertThat(small.queuedTasks()).isEqualTo(2);
	}

	@Test
	void runsTimersInDeadlineOrderAndSkipsCancelledOnes() throws InterruptedException {
		List<String> fired = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(2);
		this.loop.execute(() -> {
			this.loop.schedule(Duration.ofMillis(60), () -> {
				fired.add("late");
				done.countDown();
			});
			this.loop.schedule(Duration.ofMillis(20), () -> {
				fired.add("early");
				done.countDown();
			});
			this.loop.schedule(Duration.ofMillis(40), () -> fired.add("cancelled")).cancel();
		});
		assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(fired).containsExactly("early", "late");
	}

	@Test
	void theThreadEndsWhenIdleEvenWithCancelledLongTimersAndStartsAgainForNewWork() throws InterruptedException {
		AtomicReference<Thread> first = new AtomicReference<>();
		CountDownLatch ran = new CountDownLatch(1);
		this.loop.execute(() -> {
			first.set(Thread.currentThread());
			this.loop.schedule(Duration.ofHours(1), () -> {
			}).cancel();
			ran.countDown();
		});
		assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> !first.get().isAlive());

		CountDownLatch again = new CountDownLatch(1);
		this.loop.execute(again::countDown);
		assertThat(again.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aLiveTimerKeepsTheThreadUntilItFires() throws InterruptedException {
		CountDownLatch fired = new CountDownLatch(1);
		this.loop.schedule(Duration.ofMillis(300), fired::countDown);
		assertThat(fired.await(5, TimeUnit.SECONDS)).as("the keep-alive is shorter than the timer").isTrue();
	}

	@Test
	void aTaskThatThrowsIsCountedAndTheLoopGoesOn() throws InterruptedException {
		CountDownLatch after = new CountDownLatch(1);
		this.loop.execute(() -> {
			throw new IllegalStateException("boom");
		});
		this.loop.execute(after::countDown);
		assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.loop.failedTasks()).isOne();
	}

	@Test
	void anErrorInATaskIsCountedTooAndTheLoopGoesOn() throws InterruptedException {
		CountDownLatch after = new CountDownLatch(1);
		this.loop.execute(() -> {
			throw new StackOverflowError("a listener that recursed for ever");
		});
		this.loop.execute(after::countDown);
		assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.loop.failedTasks()).isOne();
	}

	@Test
	void aTimerCancelledFromAnotherThreadLetsTheThreadEnd() throws InterruptedException {
		AtomicReference<Thread> thread = new AtomicReference<>();
		CountDownLatch set = new CountDownLatch(1);
		AtomicReference<EngineLoop.Scheduled> timer = new AtomicReference<>();
		this.loop.execute(() -> {
			thread.set(Thread.currentThread());
			timer.set(this.loop.schedule(Duration.ofHours(1), () -> {
			}));
			set.countDown();
		});
		assertThat(set.await(5, TimeUnit.SECONDS)).isTrue();
		timer.get().cancel();
		await().atMost(Duration.ofSeconds(5)).until(() -> !thread.get().isAlive());
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
