package io.github.twitchjvm.pubsub.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.pubsub.autoconfigure.PubSubLifecycle;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Plays Twitch for the demo: publishes a varied stream of realistic events of every
 * family on the bot's topics, whispers it commands, sends a RECONNECT every 20 s and
 * drops every connection every 45 s, so that recovery shows in the log; then ends the
 * application after the demo's duration.
 */
final class DemoTraffic implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoTraffic.class);

	private static final List<String> COMMANDS = List.of("!cheers", "!subs", "!queue", "!help", "!dance",
			"good stream today!");

	private final FakeTwitchServer server;

	private final String channel;

	private final ConfigurableApplicationContext context;

	private final Duration duration;

	private final int eventsPerSecond;

	private final boolean faults;

	private final Random random = new Random(20250414);

	private final AtomicLong published = new AtomicLong();

	private volatile ScheduledExecutorService scheduler;

	DemoTraffic(FakeTwitchServer server, String channel, ConfigurableApplicationContext context, Duration duration,
			int eventsPerSecond, boolean faults) {
		this.server = server;
		this.channel = channel;
		this.context = context;
		this.duration = duration;
		this.eventsPerSecond = eventsPerSecond;
		this.faults = faults;
	}

	@Override
	public void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-traffic");
			thread.setDaemon(true);
			return thread;
		});
		long period = 1_000_000 / Math.max(1, this.eventsPerSecond);
		scheduler.scheduleAtFixedRate(this::publishOne, 500_000, period, TimeUnit.MICROSECONDS);
		if (this.faults) {
			scheduler.scheduleAtFixedRate(this::reconnect, 20, 20, TimeUnit.SECONDS);
			scheduler.scheduleAtFixedRate(this::drop, 45, 45, TimeUnit.SECONDS);
		}
		if (!this.duration.isZero()) {
			scheduler.schedule(this::finish, this.duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		this.scheduler = scheduler;
		logger.info("Demo: fake Twitch at {} publishing {} events per second{}", this.server.pubSubUri(),
				this.eventsPerSecond, this.duration.isZero() ? "" : " for " + this.duration.toSeconds() + " s");
	}

	private void publishOne() {
		try {
			TopicType type = TopicType.values()[this.random.nextInt(TopicType.values().length)];
			Topic topic = Topic.of(type, ids(type));
			String message = (type == TopicType.WHISPERS && this.random.nextBoolean()) ? command()
					: SampleMessages.random(type, this.random);
			this.server.publish(topic.value(), message);
			this.published.incrementAndGet();
		}
		catch (RuntimeException ex) {
			logger.warn("Demo: could not publish", ex);
		}
	}

	private String[] ids(TopicType type) {
		return (type.idCount() == 1) ? new String[] { this.channel } : new String[] { this.channel, this.channel };
	}

	/** A whisper to the bot with a command. */
	private String command() {
		return whisper(null, COMMANDS.get(this.random.nextInt(COMMANDS.size())));
	}

	/**
	 * A realistic received whisper (the shipped sample) with another text, and another
	 * sender if given.
	 * @param sender the sender's tags, or {@code null} for the sample's
	 * @param body the text
	 * @return the inner message, as Twitch would send it
	 */
	static String whisper(WhisperEvent.@Nullable WhisperTags sender, String body) {
		PayloadCodec codec = PayloadCodec.standard();
		WhisperEvent.Whisper sample = ((WhisperEvent.Received) codec.decode(TopicType.WHISPERS,
				SampleMessages.get(TopicType.WHISPERS, "whisper_received")))
			.whisper();
		WhisperEvent.Whisper whisper = new WhisperEvent.Whisper(sample.messageId(), sample.id(), sample.threadId(),
				body, Instant.now(), sample.fromId(), (sender != null) ? sender : sample.tags(), sample.recipient(),
				sample.nonce());
		return codec.encode(TopicType.WHISPERS, new WhisperEvent.Received(whisper));
	}

	private void reconnect() {
		logger.info("Demo: the server sends RECONNECT to {} connection(s)", this.server.faults().sendReconnect(null));
	}

	private void drop() {
		logger.info("Demo: the server drops {} connection(s) without a close frame", this.server.faults().drop(null));
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

	/** After the client: its topics are listened to before the first event. */
	@Override
	public int getPhase() {
		return PubSubLifecycle.PHASE + 1;
	}

}
