package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the Twitch PubSub client, under {@code twitch.pubsub}. Every default is the plain client's.
 */
@ConfigurationProperties("twitch.pubsub")
public class PubSubProperties implements InitializingBean {

	static final String PREFIX = "twitch.pubsub";

	/** Twitch's minimum time between PINGs is 10 s; a little margin makes it safe with any jitter. */
	private static final Duration MIN_PING_FREQUENCY = Duration.ofSeconds(12);

	/** Twitch closes a socket that has not sent a PING for 5 minutes. */
	private static final Duration MAX_PING_FREQUENCY = Duration.ofMinutes(5);

	/**
	 * Whether to auto-configure the PubSub client.
	 */
	private boolean enabled = true;

	/**
	 * WebSocket URL of the PubSub server.
	 */
	private URI url = URI.create("wss://pubsub-edge.twitch.tv");

	/**
	 * Static OAuth access token used for every topic (or for the topics of "user-id" when that is set). Leave it
	 * out when the tokens come from a TwitchTokenProvider bean.
	 */
	private @Nullable String accessToken;

	/**
	 * Twitch user id the access token belongs to. Ids left out of a @TwitchTopic default to it, and
	 * "${twitch.pubsub.user-id}" can be used in its attributes.
	 */
	private @Nullable String userId;

	/**
	 * How often each socket sends PING. Must be more than 12 s plus the ping jitter, and less than 5 minutes
	 * minus it.
	 */
	private Duration pingFrequency = Duration.ofMinutes(2);

	/**
	 * The most a PING is moved earlier or later at random, so that many sockets do not ping together.
	 */
	private Duration pingJitter = Duration.ofSeconds(4);

	/**
	 * How long to wait for PONG before the socket is considered dead and replaced.
	 */
	private Duration pongTimeout = Duration.ofSeconds(10);

	/**
	 * How long to wait for the server to confirm a LISTEN before the topic fails with a timeout.
	 */
	private Duration listenConfirmTimeout = Duration.ofSeconds(30);

	/**
	 * Topics per socket (Twitch allows 50).
	 */
	private int maxTopicsPerConnection = 50;

	/**
	 * Sockets at most (Twitch recommends no more than 10 per IP address).
	 */
	private int maxConnections = 10;

	/**
	 * Whether the client connects when the application context starts. When false, start the
	 * "twitchPubSubLifecycle" bean yourself.
	 */
	private boolean autoStartup = true;

	private final Reconnect reconnect = new Reconnect();

	private final Dispatch dispatch = new Dispatch();

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public URI getUrl() {
		return this.url;
	}

	public void setUrl(URI url) {
		this.url = url;
	}

	public @Nullable String getAccessToken() {
		return this.accessToken;
	}

	public void setAccessToken(@Nullable String accessToken) {
		this.accessToken = accessToken;
	}

	public @Nullable String getUserId() {
		return this.userId;
	}

	public void setUserId(@Nullable String userId) {
		this.userId = userId;
	}

	public Duration getPingFrequency() {
		return this.pingFrequency;
	}

	public void setPingFrequency(Duration pingFrequency) {
		this.pingFrequency = pingFrequency;
	}

	public Duration getPingJitter() {
		return this.pingJitter;
	}

	public void setPingJitter(Duration pingJitter) {
		this.pingJitter = pingJitter;
	}

	public Duration getPongTimeout() {
		return this.pongTimeout;
	}

	public void setPongTimeout(Duration pongTimeout) {
		this.pongTimeout = pongTimeout;
	}

	public Duration getListenConfirmTimeout() {
		return this.listenConfirmTimeout;
	}

	public void setListenConfirmTimeout(Duration listenConfirmTimeout) {
		this.listenConfirmTimeout = listenConfirmTimeout;
	}

	public int getMaxTopicsPerConnection() {
		return this.maxTopicsPerConnection;
	}

	public void setMaxTopicsPerConnection(int maxTopicsPerConnection) {
		this.maxTopicsPerConnection = maxTopicsPerConnection;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Dispatch getDispatch() {
		return this.dispatch;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Rejects impossible combinations when the properties are bound, naming the property and what would work, so
	 * that a typo fails the application at startup rather than the connection later.
	 */
	@Override
	public void afterPropertiesSet() {
		requirePositive("ping-jitter", this.pingJitter, true);
		Duration lowest = MIN_PING_FREQUENCY.plus(this.pingJitter);
		if (this.pingFrequency.compareTo(lowest) <= 0) {
			throw invalid("ping-frequency", this.pingFrequency, "It must be more than 12s plus ping-jitter ("
					+ this.pingJitter.toSeconds() + "s): Twitch allows a PING every 10 s at most. Use at least "
					+ (lowest.toSeconds() + 1) + "s, or keep the default 2m.");
		}
		Duration highest = MAX_PING_FREQUENCY.minus(this.pingJitter);
		if (this.pingFrequency.compareTo(highest) >= 0) {
			throw invalid("ping-frequency", this.pingFrequency, "It must be less than 5m minus ping-jitter ("
					+ this.pingJitter.toSeconds() + "s): Twitch closes a socket that has not pinged for 5 minutes.");
		}
		requirePositive("pong-timeout", this.pongTimeout, false);
		requirePositive("listen-confirm-timeout", this.listenConfirmTimeout, false);
		if (this.maxTopicsPerConnection < 1 || this.maxTopicsPerConnection > 50) {
			throw invalid("max-topics-per-connection", this.maxTopicsPerConnection,
					"It must be between 1 and 50: Twitch refuses a 51st topic on one socket.");
		}
		if (this.maxConnections < 1) {
			throw invalid("max-connections", this.maxConnections, "It must be at least 1.");
		}
		this.reconnect.validate();
		this.dispatch.validate();
		requirePositive("health.grace-period", this.health.gracePeriod, true);
	}

	private static void requirePositive(String property, Duration value, boolean zeroAllowed) {
		if (value.isNegative() || (!zeroAllowed && value.isZero())) {
			throw invalid(property, value,
					"It must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", for example 10s.");
		}
	}

	static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + "." + property, value, reason);
	}

	/**
	 * How sockets are re-opened after they close or fail.
	 */
	public static class Reconnect {

		/**
		 * Delay before the first reconnect attempt; it doubles, with jitter, per failed attempt.
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between reconnect attempts.
		 */
		private Duration maxDelay = Duration.ofMinutes(2);

		/**
		 * How long a socket must stay open before the delay starts again from the initial delay.
		 */
		private Duration stablePeriod = Duration.ofMinutes(1);

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getStablePeriod() {
			return this.stablePeriod;
		}

		public void setStablePeriod(Duration stablePeriod) {
			this.stablePeriod = stablePeriod;
		}

		void validate() {
			requirePositive("reconnect.initial-delay", this.initialDelay, false);
			if (this.maxDelay.compareTo(this.initialDelay) < 0) {
				throw invalid("reconnect.max-delay", this.maxDelay, "It must not be less than reconnect.initial-delay ("
						+ this.initialDelay + ").");
			}
			requirePositive("reconnect.stable-period", this.stablePeriod, true);
		}

	}

	/**
	 * Where and how handlers run.
	 */
	public static class Dispatch {

		/**
		 * Messages queued per subscription before the oldest is dropped (a slow handler never blocks the socket).
		 */
		private int queueCapacity = 1000;

		/**
		 * Which threads run the handlers. Ignored when a bean named "twitchPubSubDispatchExecutor" exists.
		 */
		private DispatchThreads executor = DispatchThreads.APPLICATION;

		/**
		 * How long stopping the client lets queued messages reach their handlers before it drops the rest.
		 */
		private Duration drainTimeout = Duration.ofSeconds(5);

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public DispatchThreads getExecutor() {
			return this.executor;
		}

		public void setExecutor(DispatchThreads executor) {
			this.executor = executor;
		}

		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

		void validate() {
			if (this.queueCapacity < 1) {
				throw invalid("dispatch.queue-capacity", this.queueCapacity, "It must be at least 1, for example 1000.");
			}
			requirePositive("dispatch.drain-timeout", this.drainTimeout, true);
		}

	}

	/**
	 * How the {@code twitchPubSub} health indicator judges the client.
	 */
	public static class Health {

		/**
		 * How long a socket may be reconnecting before the health is DOWN.
		 */
		private Duration gracePeriod = Duration.ofSeconds(30);

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

	}

	/**
	 * The threads handlers run on.
	 */
	public enum DispatchThreads {

		/**
		 * Spring Boot's application task executor (virtual threads with {@code spring.threads.virtual.enabled}),
		 * or the client's own pool when the application has none.
		 */
		APPLICATION,

		/**
		 * A pool of the client's own, one thread per core.
		 */
		CLIENT,

		/**
		 * The socket's reading thread (and, at the end of a RECONNECT handover, the client's engine thread): the
		 * lowest latency, for fast handlers only, which never block and never wait for the client (no blocking
		 * {@code listen*}, {@code stop}); a slow handler stops the socket from reading.
		 */
		READING_THREAD

	}

}
