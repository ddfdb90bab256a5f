package io.github.twitchjvm.pubsub.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * The feed's promise to the handlers: a page that stops reading holds up no handler (its
 * entries are dropped, oldest first, and counted), a page that is gone is forgotten, and
 * a page that comes back gets the entries again.
 */
class EventFeedTests {

	private final EventFeed feed = new EventFeed();

	@BeforeEach
	void start() {
		this.feed.start();
	}

	@AfterEach
	void stop() {
		this.feed.destroy();
	}

	@Test
	void aPageThatStopsReadingHoldsUpNoHandler() throws Exception {
		StuckPage stuck = new StuckPage();
		this.feed.join(stuck);
		this.feed.publish("bits", "first");
		await().until(() -> stuck.writes.get() > 0);
		int published = EventFeed.QUEUED * 3;
		// A deadlock guard, not a timing: publishing must not wait for the page.
		assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
			for (int i = 0; i < published; i++) {
				this.feed.publish("bits", "cheer " + i);
			}
		});
		assertThat(this.feed.dropped()).isGreaterThanOrEqualTo(published - EventFeed.QUEUED - 1);
		assertThat(this.feed.recent()).hasSize(EventFeed.KEPT);
		assertThat(this.feed.recent().get(EventFeed.KEPT - 1).text()).isEqualTo("cheer " + (published - 1));
		stuck.release.countDown();
		await().until(() -> stuck.writes.get() > EventFeed.QUEUED / 2);
	}

	@Test
	void aPageThatIsGoneIsForgottenAndANewOneGetsTheRecentEntries() {
		GonePage gone = new GonePage();
		this.feed.join(gone);
		this.feed.publish("moderation", "Moderator hollowbrook_mod did ban to spambot_x9");
		await().until(() -> gone.attempts.get() == 1);
		for (int i = 0; i < 3; i++) {
			this.feed.publish("bits", "cheer " + i);
		}
		CountingPage later = new CountingPage();
		this.feed.join(later);
		// The welcome comment, then the four entries: those sent before it joined, then
		// the others.
		await().until(() -> later.writes.get() == 5);
		assertThat(gone.attempts).hasValue(1);
		assertThat(this.feed.browsers()).isEqualTo(1);
	}

	@Test
	void aPageThatCannotBeWrittenToIsClosedAndTheOthersGoOn() {
		BrokenPage broken = new BrokenPage();
		this.feed.join(broken);
		CountingPage reading = new CountingPage();
		this.feed.join(reading);
		this.feed.publish("bits", "first");
		this.feed.publish("bits", "second");
		// The welcome comment and both entries reach the reading page.
		await().until(() -> reading.writes.get() == 3);
		assertThat(broken.attempts).hasValue(1);
		assertThat(this.feed.browsers()).isEqualTo(1);
	}

	@Test
	void aPageThatConnectsWhileTheApplicationStopsIsEndedAtOnce() {
		this.feed.stop();
		CountingPage late = new CountingPage();
		this.feed.join(late);
		assertThat(late.completed).isTrue();
	}

	/** A browser whose connection stopped taking data: every write blocks. */
	static final class StuckPage extends SseEmitter {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger writes = new AtomicInteger();

		@Override
		public void send(SseEventBuilder event) throws IOException {
			this.writes.incrementAndGet();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

	}

	/** A browser that went away: every write fails. */
	static final class GonePage extends SseEmitter {

		final AtomicInteger attempts = new AtomicInteger();

		@Override
		public void send(SseEventBuilder event) throws IOException {
			this.attempts.incrementAndGet();
			throw new IOException("Broken pipe");
		}

	}

	/**
	 * A page whose events cannot be written: every write fails with a bug's exception.
	 */
	static final class BrokenPage extends SseEmitter {

		final AtomicInteger attempts = new AtomicInteger();

		@Override
		public void send(SseEventBuilder event) {
			this.attempts.incrementAndGet();
			throw new IllegalArgumentException("No converter for the event");
		}

	}

	/**
	 * A browser that reads: counts what it gets (the comment first, then the entries).
	 */
	static final class CountingPage extends SseEmitter {

		final AtomicInteger writes = new AtomicInteger();

		volatile boolean completed;

		@Override
		public void send(SseEventBuilder event) {
			this.writes.incrementAndGet();
		}

		@Override
		public void complete() {
			this.completed = true;
			super.complete();
		}

	}

}
