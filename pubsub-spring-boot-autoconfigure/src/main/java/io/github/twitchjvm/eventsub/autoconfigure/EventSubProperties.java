package io.github.twitchjvm.eventsub.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubClientBuilder;
import io.github.twitchjvm.eventsub.helix.HelixClient;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the auto-configured {@link EventSubClient}, under {@code twitch.eventsub}.
 * The client is built when a client id is set (or another bean supplies
 * {@link EventSubConnectionDetails}, or {@code twitch.pubsub.transport=eventsub} asks for
 * it). The token and user default to {@code twitch.pubsub.access-token} and
 * {@code twitch.pubsub.user-id}, so that one set of credentials serves both protocols.
 */
@ConfigurationProperties(EventSubProperties.PREFIX)
public class EventSubProperties implements InitializingBean {

	/** The prefix of these properties. */
	public static final String PREFIX = "twitch.eventsub";

	/**
	 * Whether EventSub is configured at all; {@code false} leaves it out even with a
	 * client id.
	 */
	private boolean enabled = true;

	/**
	 * The EventSub WebSocket URL: Twitch's, or a fake server's in tests.
	 */
	private URI url = EventSubClient.TWITCH_EVENTSUB_URI;

	/**
	 * The Helix API's base URL, where subscriptions are created.
	 */
	private URI helixUrl = HelixClient.TWITCH_HELIX_URI;

	/**
	 * The application's client id, sent to Helix with every user token (Helix refuses
	 * user tokens of another client).
	 */
	private @Nullable String clientId;

	/**
	 * A user access token; by default {@code twitch.pubsub.access-token}. A
	 * {@code TwitchTokenProvider} bean takes precedence.
	 */
	private @Nullable String accessToken;

	/**
	 * The Twitch user the application acts as, the user of its token: a
	 * {@code @TwitchEvent} that leaves out a user in its condition means this one. By
	 * default {@code twitch.pubsub.user-id}.
	 */
	private @Nullable String userId;

	/**
	 * Whether a token may go to a WebSocket or Helix URL other than {@code wss://},
	 * {@code https://} or this machine.
	 */
	private boolean allowInsecure;

	/**
	 * The keepalive interval to ask Twitch for (10s to 600s, whole seconds); Twitch's own
	 * (10s) when not set.
	 */
	private @Nullable Duration keepaliveTimeout;

	/**
	 * How long opening a session (TCP, TLS and the WebSocket handshake) may take.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * How long one Helix request may take.
	 */
	private Duration helixTimeout = Duration.ofSeconds(10);

	/**
	 * How long a blocking subscribe waits for Twitch's answer.
	 */
	private Duration subscribeTimeout = Duration.ofSeconds(30);

	/**
	 * Sessions per user token, at most Twitch's 3.
	 */
	private int maxSessions = 3;

	/**
	 * Subscriptions per session, at most Twitch's 300.
	 */
	private int subscriptionsPerSession = 300;

	/**
	 * Subscriptions created per second, to stay inside Helix's rate limit.
	 */
	private int subscriptionsPerSecond = 10;

	/**
	 * The largest message accepted from the server.
	 */
	private DataSize maxMessageSize = DataSize.ofMegabytes(1);

	/**
	 * Whether the client starts with the application context.
	 */
	private boolean autoStartup = true;

	private final Reconnect reconnect = new Reconnect();

	/**
	 * Where handlers run and how much may wait for them: the same settings as PubSub's.
	 */
	@NestedConfigurationProperty
	private final PubSubProperties.Dispatch dispatch = new PubSubProperties.Dispatch();

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

	public URI getHelixUrl() {
		return this.helixUrl;
	}

	public void setHelixUrl(URI helixUrl) {
		this.helixUrl = helixUrl;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
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

	public boolean isAllowInsecure() {
		return this.allowInsecure;
	}

	public void setAllowInsecure(boolean allowInsecure) {
		this.allowInsecure = allowInsecure;
	}

	public @Nullable Duration getKeepaliveTimeout() {
		return this.keepaliveTimeout;
	}

	public void setKeepaliveTimeout(@Nullable Duration keepaliveTimeout) {
		this.keepaliveTimeout = keepaliveTimeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getHelixTimeout() {
		return this.helixTimeout;
	}

	public void setHelixTimeout(Duration helixTimeout) {
		this.helixTimeout = helixTimeout;
	}

	public Duration getSubscribeTimeout() {
		return this.subscribeTimeout;
	}

	public void setSubscribeTimeout(Duration subscribeTimeout) {
		this.subscribeTimeout = subscribeTimeout;
	}

	public int getMaxSessions() {
		return this.maxSessions;
	}

	public void setMaxSessions(int maxSessions) {
		this.maxSessions = maxSessions;
	}

	public int getSubscriptionsPerSession() {
		return this.subscriptionsPerSession;
	}

	public void setSubscriptionsPerSession(int subscriptionsPerSession) {
		this.subscriptionsPerSession = subscriptionsPerSession;
	}

	public int getSubscriptionsPerSecond() {
		return this.subscriptionsPerSecond;
	}

	public void setSubscriptionsPerSecond(int subscriptionsPerSecond) {
		this.subscriptionsPerSecond = subscriptionsPerSecond;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
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

	public PubSubProperties.Dispatch getDispatch() {
		return this.dispatch;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Rejects impossible values when the properties are bound, naming the property and
	 * what would work: the client's own rules, applied to a builder as the
	 * auto-configuration applies them.
	 */
	@Override
	public void afterPropertiesSet() {
		EventSubClientBuilder builder = EventSubClient.builder();
		check(builder, "url", this.url, () -> {
			EndpointPolicy.Verdict verdict = EndpointPolicy.judge(this.url, this.allowInsecure);
			require(verdict.allowed(), "Tokens go only to wss:// or to this machine: " + verdict.reason() + " (or set "
					+ PREFIX + ".allow-insecure=true).");
		});
		check(builder, "helix-url", this.helixUrl, () -> {
			String scheme = String.valueOf(this.helixUrl.getScheme()).toLowerCase(java.util.Locale.ROOT);
			boolean local = scheme.equals("http") && EndpointPolicy.isLoopback(this.helixUrl.getHost());
			require(scheme.equals("https") || local || (scheme.equals("http") && this.allowInsecure),
					"Tokens go only to https:// or to this machine (or set " + PREFIX + ".allow-insecure=true).");
		});
		check(builder, "keepalive-timeout", this.keepaliveTimeout, () -> {
			Duration timeout = this.keepaliveTimeout;
			require(timeout == null
					|| (timeout.getNano() == 0 && timeout.getSeconds() >= 10 && timeout.getSeconds() <= 600),
					"It must be whole seconds from 10s to 600s (Twitch's range).");
		});
		check(builder, "connect-timeout", this.connectTimeout, () -> builder.connectTimeout(this.connectTimeout));
		check(builder, "helix-timeout", this.helixTimeout, () -> builder.helixTimeout(this.helixTimeout));
		check(builder, "subscribe-timeout", this.subscribeTimeout,
				() -> builder.subscribeTimeout(this.subscribeTimeout));
		check(builder, "max-sessions", this.maxSessions,
				() -> require(this.maxSessions >= 1 && this.maxSessions <= 3, "It must be 1 to 3 (Twitch's limit)."));
		check(builder, "subscriptions-per-session", this.subscriptionsPerSession,
				() -> require(this.subscriptionsPerSession >= 1 && this.subscriptionsPerSession <= 300,
						"It must be 1 to 300 (Twitch's limit)."));
		check(builder, "subscriptions-per-second", this.subscriptionsPerSecond,
				() -> require(this.subscriptionsPerSecond >= 1, "It must be at least 1."));
		check(builder, "reconnect.initial-delay", this.reconnect.initialDelay, () -> builder
			.reconnectBackoff(this.reconnect.initialDelay, this.reconnect.maxDelay.plus(this.reconnect.initialDelay)));
		check(builder, "reconnect.max-delay", this.reconnect.maxDelay,
				() -> builder.reconnectBackoff(this.reconnect.initialDelay, this.reconnect.maxDelay));
		check(builder, "dispatch.drain-timeout", this.dispatch.getDrainTimeout(),
				() -> builder.dispatchDrainTimeout(this.dispatch.getDrainTimeout()));
		check(builder, "max-message-size", this.maxMessageSize,
				() -> require(this.maxMessageSize.toBytes() >= 1024, "It must be at least 1KB."));
		if (this.health.gracePeriod.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".health.grace-period",
					this.health.gracePeriod, "It must be zero or more, for example 30s.");
		}
	}

	private static void check(EventSubClientBuilder builder, String property, @Nullable Object value, Runnable rule) {
		try {
			rule.run();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "." + property, value,
					String.valueOf(ex.getMessage()));
		}
	}

	private static void require(boolean condition, String reason) {
		if (!condition) {
			throw new IllegalArgumentException(reason);
		}
	}

	/**
	 * Applies the client settings these properties hold to a builder. The URLs, the
	 * client id and the tokens come from {@link EventSubConnectionDetails}, where
	 * handlers run from the auto-configuration.
	 * @param builder the builder
	 */
	void applyTo(EventSubClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this::isAllowInsecure).to(builder::allowInsecure);
		map.from(this::getKeepaliveTimeout).to(builder::keepaliveTimeout);
		map.from(this::getConnectTimeout).to(builder::connectTimeout);
		map.from(this::getHelixTimeout).to(builder::helixTimeout);
		map.from(this::getSubscribeTimeout).to(builder::subscribeTimeout);
		builder.limits(this.maxSessions, this.subscriptionsPerSession);
		map.from(this::getSubscriptionsPerSecond).to(builder::subscriptionsPerSecond);
		builder.reconnectBackoff(this.reconnect.getInitialDelay(), this.reconnect.getMaxDelay());
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
	 * How sessions are opened again after they are lost.
	 */
	public static class Reconnect {

		/**
		 * The delay before the second attempt (the first is at once); it doubles up to
		 * the maximum.
		 */
		private Duration initialDelay = Duration.ofSeconds(1);

		/**
		 * The longest delay between attempts.
		 */
		private Duration maxDelay = Duration.ofMinutes(2);

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

	}

	/**
	 * How the health indicator judges the client.
	 */
	public static class Health {

		/**
		 * How long a subscription may wait for a session or for Twitch before the health
		 * is DOWN (a reconnect in progress is not an outage).
		 */
		private Duration gracePeriod = Duration.ofSeconds(30);

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

	}

}
