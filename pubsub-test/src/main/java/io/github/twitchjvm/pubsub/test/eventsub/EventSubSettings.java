package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fake EventSub service behaves. The defaults are Twitch's documented limits;
 * tests shorten the times.
 *
 * @param keepaliveSecond how long one second of {@code keepalive_timeout_seconds} lasts
 * on this server: the welcome still says {@code 10}, but with {@code 50 ms} the welcome
 * window and the keepalive interval last 500 ms. One second by default; tests shorten it
 * rather than announce a timeout Twitch would never send
 * @param reconnectGracePeriod how long after a {@code session_reconnect} the old socket
 * is closed with 4004 if the client has not closed it (Twitch: 30 s)
 * @param pingInterval how often the server sends a WebSocket ping
 * @param pongTimeout how long the server waits for the pong before closing with 4002
 * @param disabledRetention how long a subscription disabled by a disconnection or a
 * revocation stays visible in {@code GET} (Twitch: about an hour)
 * @param disabledSubscriptionsCost whether those disabled subscriptions still count
 * against {@code max_total_cost} while visible, as a field report suggests Twitch does
 * for a while; {@code false} by default (Twitch's documentation)
 * @param maxSubscriptionsPerSession enabled subscriptions one WebSocket session may have
 * (Twitch: 300)
 * @param maxSessionsPerUser WebSocket sessions with enabled subscriptions one client id
 * and user may have (Twitch: 3)
 * @param maxTotalCost the cost budget of one client id and user (Twitch: 10)
 * @param helixRateLimit Helix requests per minute per client id, a token bucket refilled
 * continuously (Twitch's CLI mock: 800)
 * @param helixPageSize the most subscriptions one {@code GET} page holds
 */
public record EventSubSettings(Duration keepaliveSecond, Duration reconnectGracePeriod, Duration pingInterval,
		Duration pongTimeout, Duration disabledRetention, boolean disabledSubscriptionsCost,
		int maxSubscriptionsPerSession, int maxSessionsPerUser, int maxTotalCost, int helixRateLimit,
		int helixPageSize) {

	/** The longest time any of the settings takes, far from clock overflows. */
	private static final Duration MAX_PERIOD = Duration.ofDays(365);

	/**
	 * Validates the settings.
	 */
	public EventSubSettings {
		requirePositive(keepaliveSecond, "keepaliveSecond");
		requirePositive(reconnectGracePeriod, "reconnectGracePeriod");
		requirePositive(pingInterval, "pingInterval");
		requirePositive(pongTimeout, "pongTimeout");
		requirePositive(disabledRetention, "disabledRetention");
		if (keepaliveSecond.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("keepaliveSecond must be at most a day, was " + keepaliveSecond);
		}
		if (maxSubscriptionsPerSession < 1 || maxSessionsPerUser < 1 || maxTotalCost < 0 || helixRateLimit < 1
				|| helixPageSize < 1) {
			throw new IllegalArgumentException("The EventSub limits must be positive (maxTotalCost at least 0)");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_PERIOD) > 0) {
			throw new IllegalArgumentException(name + " must be positive and at most 365 days, was " + duration);
		}
	}

	/**
	 * Twitch's limits and times.
	 * @return the default settings
	 */
	public static EventSubSettings defaults() {
		return builder().build();
	}

	/**
	 * Starts from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts from these settings.
	 * @return a builder holding these settings
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.keepaliveSecond = this.keepaliveSecond;
		builder.reconnectGracePeriod = this.reconnectGracePeriod;
		builder.pingInterval = this.pingInterval;
		builder.pongTimeout = this.pongTimeout;
		builder.disabledRetention = this.disabledRetention;
		builder.disabledSubscriptionsCost = this.disabledSubscriptionsCost;
		builder.maxSubscriptionsPerSession = this.maxSubscriptionsPerSession;
		builder.maxSessionsPerUser = this.maxSessionsPerUser;
		builder.maxTotalCost = this.maxTotalCost;
		builder.helixRateLimit = this.helixRateLimit;
		builder.helixPageSize = this.helixPageSize;
		return builder;
	}

	/** Builds {@link EventSubSettings}; every value starts at Twitch's. */
	public static final class Builder {

		private Duration keepaliveSecond = Duration.ofSeconds(1);

		private Duration reconnectGracePeriod = Duration.ofSeconds(30);

		private Duration pingInterval = Duration.ofSeconds(10);

		private Duration pongTimeout = Duration.ofSeconds(10);

		private Duration disabledRetention = Duration.ofHours(1);

		private boolean disabledSubscriptionsCost;

		private int maxSubscriptionsPerSession = 300;

		private int maxSessionsPerUser = 3;

		private int maxTotalCost = 10;

		private int helixRateLimit = 800;

		private int helixPageSize = 100;

		private Builder() {
		}

		/**
		 * @param keepaliveSecond how long one second of {@code keepalive_timeout_seconds}
		 * lasts
		 * @return this builder
		 */
		public Builder keepaliveSecond(Duration keepaliveSecond) {
			this.keepaliveSecond = keepaliveSecond;
			return this;
		}

		/**
		 * @param reconnectGracePeriod how long the old socket lives after a
		 * {@code session_reconnect}
		 * @return this builder
		 */
		public Builder reconnectGracePeriod(Duration reconnectGracePeriod) {
			this.reconnectGracePeriod = reconnectGracePeriod;
			return this;
		}

		/**
		 * @param pingInterval how often the server pings
		 * @param pongTimeout how long it waits for the pong
		 * @return this builder
		 */
		public Builder pings(Duration pingInterval, Duration pongTimeout) {
			this.pingInterval = pingInterval;
			this.pongTimeout = pongTimeout;
			return this;
		}

		/**
		 * @param disabledRetention how long disabled subscriptions stay visible
		 * @return this builder
		 */
		public Builder disabledRetention(Duration disabledRetention) {
			this.disabledRetention = disabledRetention;
			return this;
		}

		/**
		 * @param disabledSubscriptionsCost whether visible disabled subscriptions count
		 * against the cost budget
		 * @return this builder
		 */
		public Builder disabledSubscriptionsCost(boolean disabledSubscriptionsCost) {
			this.disabledSubscriptionsCost = disabledSubscriptionsCost;
			return this;
		}

		/**
		 * @param maxSubscriptionsPerSession enabled subscriptions per session
		 * @param maxSessionsPerUser sessions with enabled subscriptions per client id and
		 * user
		 * @param maxTotalCost the cost budget per client id and user
		 * @return this builder
		 */
		public Builder limits(int maxSubscriptionsPerSession, int maxSessionsPerUser, int maxTotalCost) {
			this.maxSubscriptionsPerSession = maxSubscriptionsPerSession;
			this.maxSessionsPerUser = maxSessionsPerUser;
			this.maxTotalCost = maxTotalCost;
			return this;
		}

		/**
		 * @param helixRateLimit Helix requests per minute per client id
		 * @return this builder
		 */
		public Builder helixRateLimit(int helixRateLimit) {
			this.helixRateLimit = helixRateLimit;
			return this;
		}

		/**
		 * @param helixPageSize the most subscriptions per {@code GET} page
		 * @return this builder
		 */
		public Builder helixPageSize(int helixPageSize) {
			this.helixPageSize = helixPageSize;
			return this;
		}

		/**
		 * @return the settings
		 * @throws IllegalArgumentException if a value is out of range
		 */
		public EventSubSettings build() {
			return new EventSubSettings(this.keepaliveSecond, this.reconnectGracePeriod, this.pingInterval,
					this.pongTimeout, this.disabledRetention, this.disabledSubscriptionsCost,
					this.maxSubscriptionsPerSession, this.maxSessionsPerUser, this.maxTotalCost, this.helixRateLimit,
					this.helixPageSize);
		}

	}

}
