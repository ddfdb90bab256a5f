package io.github.twitchjvm.pubsub.sample;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.pubsub.autoconfigure.PubSubLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Plays Twitch for the demo: tells the {@link DemoStory}, the scenario file's varied
 * stream of realistic events of every family with commands whispered to the bot, through
 * the publisher of the bot's protocol; makes the server ask for a reconnect and drop
 * every connection as often as the scenario says, so that recovery shows in the log and
 * on the page; then ends the application after the demo's duration.
 */
final class DemoTraffic implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoTraffic.class);

	private static final Duration QUIET_END = Duration.ofSeconds(5);

	private final DemoPublisher publisher;

	private final ConfigurableApplicationContext context;

	private final Duration duration;

	private final int eventsPerSecond;

	private final boolean faults;

	private volatile long startedAt;

	private final DemoStory story;

	private final AtomicLong published = new AtomicLong();

	private volatile ScheduledExecutorService scheduler;

	DemoTraffic(DemoPublisher publisher, DemoStory story, ConfigurableApplicationContext context, Duration duration,
			int eventsPerSecond, boolean faults) {
		this.publisher = publisher;
		this.story = story;
		this.context = context;
		this.duration = duration;
		this.eventsPerSecond = eventsPerSecond;
		this.faults = faults;
	}

	@Override
	public void start() {
		this.startedAt = System.nanoTime();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-traffic");
			thread.setDaemon(true);
			return thread;
		});
		long period = 1_000_000 / Math.max(1, this.eventsPerSecond);
		scheduler.scheduleAtFixedRate(this::publishOne, 500_000, period, TimeUnit.MICROSECONDS);
		DemoScenario.Faults cadence = this.story.scenario().faults();
		if (this.faults) {
			long reconnect = cadence.reconnectEvery().toMillis();
			long drop = cadence.dropEvery().toMillis();
			scheduler.scheduleAtFixedRate(this::reconnect, reconnect, reconnect, TimeUnit.MILLISECONDS);
			scheduler.scheduleAtFixedRate(this::drop, drop, drop, TimeUnit.MILLISECONDS);
		}
		if (!this.duration.isZero()) {
			scheduler.schedule(this::finish, this.duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.scheduler = scheduler;
		logger
			.info("Demo: fake Twitch at {} publishing {} events per second{}{}", this.publisher.uri(),
					this.eventsPerSecond,
					this.duration.isZero() ? " until stopped (Ctrl-C)" : " for " + this.duration.toSeconds() + " s",
					this.faults
							? "; the server asks for a reconnect every " + cadence.reconnectEvery().toSeconds()
									+ " s and drops the connection every " + cadence.dropEvery().toSeconds() + " s"
							: "");
	}

	private void publishOne() {
		try {
			this.publisher.publish(this.story.next());
			this.published.incrementAndGet();
		}
		catch (RuntimeException ex) {
			logger.warn("Demo: could not publish", ex);
		}
	}

	private void reconnect() {
		if (!closeToTheEnd()) {
			logger.info("Demo: {}", this.publisher.reconnect());
		}
	}

	private void drop() {
		if (!closeToTheEnd()) {
			logger.info("Demo: {}", this.publisher.drop());
		}
	}

	/**
	 * The last seconds have no faults, so that the final report shows the topics active
	 * again rather than a connection that is still recovering.
	 */
	private boolean closeToTheEnd() {
		return !this.duration.isZero() && System.nanoTime() - this.startedAt > this.duration.minus(QUIET_END).toNanos();
	}

	private void finish() {
		logger.info("Demo: published {} events in {} s; stopping", this.published.get(), this.duration.toSeconds());
		Thread exit = new Thread(() -> System.exit(SpringApplication.exit(this.context)), "demo-exit");
		exit.start();
	}

	long published() {
		return this.published.get();
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * After the client (PubSub's or EventSub's, which start in the same phase): the bot
	 * is listening, or on its way, when the first event comes.
	 */
	@Override
	public int getPhase() {
		return PubSubLifecycle.PHASE + 1;
	}

}
