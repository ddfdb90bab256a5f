package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.pubsub.InvalidSettingException;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.PubSubSetting;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Twitch PubSub client, under {@code twitch.pubsub}. Every default
 * is the plain client's, and the client's own rules check the values
 * ({@link PubSubClientBuilder#validate()}), reported under these names.
 */
@ConfigurationProperties("twitch.pubsub")
public class PubSubProperties implements InitializingBean {

	static final String PREFIX = "twitch.pubsub";

	/**
	 * Whether to auto-configure the PubSub client.
	 */
	private boolean enabled = true;

	/**
	 * Which protocol carries the @TwitchTopic listeners: "pubsub" (a PubSub server, such
	 * as the fake one: Twitch switched its own off in 2025) or "eventsub" (live Twitch:
	 * each topic rides on the EventSub subscriptions that replaced it, configured under
	 * "twitch.eventsub", and its notifications arrive as the family's PubSub payloads).
	 */
	private PubSubTransport transport = PubSubTransport.PUBSUB;

	/**
	 * WebSocket URL of the PubSub server: wss:// anywhere, ws:// only to a loopback
	 * address (such as the fake server on 127.0.0.1) unless "allow-insecure" is set.
	 */
	private URI url = URI.create("wss://pubsub-edge.twitch.tv");

	/**
	 * Whether "url" may be a ws:// URL to a host that is not a loopback address, which
	 * sends the access token unencrypted. Only for a test server on another machine.
	 */
	private boolean allowInsecure;

	/**
	 * Static OAuth access token used for every topic (or for the topics of "user-id" when
	 * that is set). Leave it out when the tokens come from a TwitchTokenProvider bean.
	 */
	private @Nullable String accessToken;

	/**
	 * Twitch user id the access token belongs to. Ids left out of a @TwitchTopic default
	 * to it (unless a PubSubConnectionDetails bean replaces these properties), and
	 * "${twitch.pubsub.user-id}" can be used in its attributes.
	 */
	private @Nullable String userId;

	/**
	 * How often each socket sends PING. Must be more than 12 s plus the ping jitter, and
	 * less than 5 minutes minus it.
	 */
	private Duration pingFrequency = Duration.ofMinutes(2);

	/**
	 * The most a PING is moved earlier or later at random, so that many sockets do not
	 * ping together.
	 */
	private Duration pingJitter = Duration.ofSeconds(4);

	/**
	 * How long to wait for PONG before the socket is considered dead and replaced.
	 */
	private Duration pongTimeout = Duration.ofSeconds(10);

	/**
	 * How long to wait for the server to confirm a LISTEN before the topic fails with a
	 * timeout.
	 */
	private Duration listenConfirmTimeout = Duration.ofSeconds(30);

	/**
	 * How long connecting a socket (TCP, TLS and the WebSocket handshake) may take before
	 * the attempt fails and is retried with the reconnect backoff.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * The largest message accepted, counted in characters (real messages reach tens of
	 * kilobytes); a larger one closes its socket, which reconnects.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * Topics per socket (Twitch allows 50).
	 */
	private int maxTopicsPerConnection = 50;

	/**
	 * Sockets at most (Twitch recommends no more than 10 per IP address).
	 */
	private int maxConnections = 10;

	/**
	 * Whether the client connects when the application context starts. When false, start
	 * the "twitchPubSubLifecycle" bean yourself.
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

	public PubSubTransport getTransport() {
		return this.transport;
	}

	public void setTransport(PubSubTransport transport) {
		this.transport = transport;
	}

	public URI getUrl() {
		return this.url;
	}

	public void setUrl(URI url) {
		this.url = url;
	}

	public boolean isAllowInsecure() {
		return this.allowInsecure;
	}

	public void setAllowInsecure(boolean allowInsecure) {
		this.allowInsecure = allowInsecure;
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

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
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
	 * Rejects impossible values when the properties are bound, naming the property and
	 * what would work, so that a typo fails the application at startup rather than the
	 * connection later. The rules are the client's own: the settings are applied to a
	 * builder, as the auto-configuration applies them, and checked there.
	 */
	@Override
	public void afterPropertiesSet() {
		PubSubClientBuilder builder = PubSubClient.builder();
		try {
			applyTo(builder);
			// The URL reaches the client from the connection details; checked here as
			// the property it is.
			builder.uri(this.url);
			builder.validate();
		}
		catch (InvalidSettingException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "." + propertyName(ex.setting()), ex.value(),
					ex.reason(PubSubProperties::propertyName));
		}
		// The client knows nothing of health: this rule is the properties' own.
		if (this.health.gracePeriod.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".health.grace-period",
					this.health.gracePeriod, "It must be zero or more, for example 30s.");
		}
	}

	/**
	 * Applies every client setting these properties hold to a builder: the one mapping,
	 * used both to check the properties and to build the client. The server's URL and the
	 * tokens come from {@link PubSubConnectionDetails} (whether an insecure URL is
	 * allowed from here), where handlers run from the auto-configuration.
	 * @param builder the builder
	 */
	void applyTo(PubSubClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this::isAllowInsecure).to(builder::allowInsecure);
		map.from(this::getPingFrequency).to(builder::pingFrequency);
		map.from(this::getPingJitter).to(builder::pingJitter);
		map.from(this::getPongTimeout).to(builder::pongTimeout);
		map.from(this::getListenConfirmTimeout).to(builder::listenConfirmTimeout);
		map.from(this::getConnectTimeout).to(builder::connectTimeout);
		map.from(this::getMaxTopicsPerConnection).to(builder::topicsPerConnection);
		map.from(this::getMaxConnections).to(builder::maxConnections);
		builder.reconnectBackoff(this.reconnect.getInitialDelay(), this.reconnect.getMaxDelay());
		map.from(this.reconnect::getStablePeriod).to(builder::stablePeriod);
		// Clamped, not overflowed: the client's rule then names the property.
		map.from(this::getMaxMessageSize)
			.as((size) -> (int) Math.min(Integer.MAX_VALUE, size.toBytes()))
			.to(builder::maxMessageSize);
		map.from(this.dispatch::getMaxQueuedBytes).as(DataSize::toBytes).to(builder::maxQueuedBytes);
		map.from(this.dispatch::getMaxQueuedBytesPerSubscription)
			.as(DataSize::toBytes)
			.to(builder::maxQueuedBytesPerSubscription);
		map.from(this.dispatch::getOverflow).to(builder::overflow);
		map.from(this.dispatch::getDrainTimeout).to(builder::dispatchDrainTimeout);
	}

	/**
	 * The property of a client setting, without the {@code twitch.pubsub.} prefix (as a
	 * reason names other properties: "more than 12s plus ping-jitter"). Exhaustive, so
	 * that a setting the client adds does not compile here until it has a name.
	 * @param setting the client's setting
	 * @return its property, such as {@code ping-jitter}; a setting that is no property
	 * has its builder method's name (a customizer set it)
	 */
	static String propertyName(PubSubSetting setting) {
		return switch (setting) {
			case URI -> "url";
			case ALLOW_INSECURE -> "allow-insecure";
			case PING_FREQUENCY -> "ping-frequency";
			case PING_JITTER -> "ping-jitter";
			case PONG_TIMEOUT -> "pong-timeout";
			case LISTEN_CONFIRM_TIMEOUT -> "listen-confirm-timeout";
			case CONNECT_TIMEOUT -> "connect-timeout";
			case TOPICS_PER_CONNECTION -> "max-topics-per-connection";
			case MAX_CONNECTIONS -> "max-connections";
			case RECONNECT_INITIAL_DELAY -> "reconnect.initial-delay";
			case RECONNECT_MAX_DELAY -> "reconnect.max-delay";
			case STABLE_PERIOD -> "reconnect.stable-period";
			case MAX_QUEUED_BYTES -> "dispatch.max-queued-bytes";
			case MAX_QUEUED_BYTES_PER_SUBSCRIPTION -> "dispatch.max-queued-bytes-per-subscription";
			case MAX_MESSAGE_SIZE -> "max-message-size";
			case DISPATCH_DRAIN_TIMEOUT -> "dispatch.drain-timeout";
			case LISTENS_PER_SECOND, SERVER_ERROR_RETRIES, HANDOVER_SETTLE -> setting.builderName();
		};
	}

	/**
	 * How sockets are re-opened after they close or fail.
	 */
	public static class Reconnect {

		/**
		 * Delay before the first reconnect attempt; it doubles, with jitter, per failed
		 * attempt.
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between reconnect attempts.
		 */
		private Duration maxDelay = Duration.ofMinutes(2);

		/**
		 * How long a socket must stay open before the delay starts again from the initial
		 * delay.
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

	}

	/**
	 * Where and how handlers run.
	 */
	public static class Dispatch {

		/**
		 * What messages waiting for handlers may take in all subscriptions together
		 * (characters plus 128 bytes each) before the overflow policy applies. By default
		 * a quarter of the maximum heap, at most 256MB: a burst of 100,000 messages of 1
		 * KB is held whole.
		 */
		private @Nullable DataSize maxQueuedBytes;

		/**
		 * What messages waiting for one subscription's handler may take, so that a slow
		 * handler leaves room for the others. By default half of max-queued-bytes.
		 */
		private @Nullable DataSize maxQueuedBytesPerSubscription;

		/**
		 * What happens when handlers fall behind by more than the bounds: drop-oldest
		 * drops a subscription's oldest messages (counted as queue_full); pause-reading
		 * stops reading the sockets until handlers caught up to half the bounds (nothing
		 * is dropped by the client, but Twitch closes sockets that stop reading).
		 */
		private OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;

		/**
		 * Which threads run the handlers. Ignored when an Executor bean is
		 * qualified @TwitchDispatchExecutor.
		 */
		private DispatchThreads executor = DispatchThreads.APPLICATION;

		/**
		 * How long stopping the client lets queued messages reach their handlers before
		 * it drops the rest.
		 */
		private Duration drainTimeout = Duration.ofSeconds(5);

		public @Nullable DataSize getMaxQueuedBytes() {
			return this.maxQueuedBytes;
		}

		public void setMaxQueuedBytes(@Nullable DataSize maxQueuedBytes) {
			this.maxQueuedBytes = maxQueuedBytes;
		}

		public @Nullable DataSize getMaxQueuedBytesPerSubscription() {
			return this.maxQueuedBytesPerSubscription;
		}

		public void setMaxQueuedBytesPerSubscription(@Nullable DataSize maxQueuedBytesPerSubscription) {
			this.maxQueuedBytesPerSubscription = maxQueuedBytesPerSubscription;
		}

		public OverflowPolicy getOverflow() {
			return this.overflow;
		}

		public void setOverflow(OverflowPolicy overflow) {
			this.overflow = overflow;
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
		 * Spring Boot's application task executor (virtual threads with
		 * {@code spring.threads.virtual.enabled}), or the client's own pool when the
		 * application has none.
		 */
		APPLICATION,

		/**
		 * A pool of the client's own, one thread per core.
		 */
		CLIENT,

		/**
		 * The socket's reading thread (and, at the end of a RECONNECT handover, the
		 * client's engine thread): the lowest latency, for fast handlers only, which
		 * never block and never wait for the client (no blocking {@code listen*},
		 * {@code stop}); a slow handler stops the socket from reading.
		 */
		READING_THREAD

	}

}
