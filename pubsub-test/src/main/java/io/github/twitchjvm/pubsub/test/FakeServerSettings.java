package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import io.github.twitchjvm.pubsub.test.eventsub.EventSubSettings;

/**
 * How a {@link FakeTwitchServer} behaves. The defaults are the real service's documented
 * limits; tests shorten the timeouts to milliseconds.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port the PubSub and OAuth port, {@code 0} for a free one
 * @param controlPort the HTTP control API's port, {@code 0} for a free one, {@code -1}
 * for none
 * @param firstListenTimeout a connection that sends no LISTEN within this time is closed
 * (Twitch: 15 s), at most 365 days
 * @param pingTimeout a connection that sends no PING for this long is closed (Twitch: 5
 * minutes), at most 365 days
 * @param reconnectGracePeriod how long after a RECONNECT the server closes the connection
 * (Twitch: within 30 s), at most {@link ServerFaults#MAX_DURATION}
 * @param maxTopicsPerConnection the most topics one connection may listen to (Twitch: 50)
 * @param topicLimitError the error a LISTEN past that limit gets; Twitch never documented
 * which, so {@code ERR_BADMESSAGE} by default
 * @param allowUndocumentedTopics whether topics outside the documented families may be
 * listened to (without a token); {@code false} answers them with {@code ERR_BADTOPIC}
 * @param slowConsumerLimit a connection with more published messages than this waiting to
 * be written is disconnected, as Twitch did with clients that stopped reading (Twitch:
 * 30)
 * @param maxFramePayloadLength the largest WebSocket frame accepted from a client, in
 * bytes
 * @param tokenLifetime the lifetime of tokens issued by default and by a refresh (Twitch:
 * about 4 hours), at most {@link TwitchAccounts#MAX_TOKEN_LIFETIME}
 * @param allowedHosts host names that HTTP requests (control API, OAuth endpoints) may
 * carry in their {@code Host} header besides {@code localhost}, {@code 127.0.0.1},
 * {@code [::1]} and the bound address: the names clients use for a server bound to
 * another interface, such as a container's service name. Any other name is refused, so
 * that a web page cannot reach the server through DNS rebinding.
 * @param eventSub how the fake EventSub service (WebSocket {@code /ws} and Helix
 * {@code /helix/eventsub/subscriptions}, on the same port) behaves
 */
public record FakeServerSettings(String host, int port, int controlPort, Duration firstListenTimeout,
		Duration pingTimeout, Duration reconnectGracePeriod, int maxTopicsPerConnection, String topicLimitError,
		boolean allowUndocumentedTopics, int slowConsumerLimit, int maxFramePayloadLength, Duration tokenLifetime,
		Set<String> allowedHosts, EventSubSettings eventSub) {

	/** The longest timeout or grace period the settings take. */
	private static final Duration MAX_PERIOD = Duration.ofDays(365);

	/**
	 * Validates the settings.
	 */
	public FakeServerSettings {
		Objects.requireNonNull(host, "host");
		requirePositive(firstListenTimeout, "firstListenTimeout", MAX_PERIOD);
		requirePositive(pingTimeout, "pingTimeout", MAX_PERIOD);
		requirePositive(tokenLifetime, "tokenLifetime", TwitchAccounts.MAX_TOKEN_LIFETIME);
		Objects.requireNonNull(reconnectGracePeriod, "reconnectGracePeriod");
		if (reconnectGracePeriod.isNegative() || reconnectGracePeriod.compareTo(ServerFaults.MAX_DURATION) > 0) {
			throw new IllegalArgumentException("reconnectGracePeriod must be from 0 to "
					+ ServerFaults.MAX_DURATION.toHours() + " hours, was " + reconnectGracePeriod);
		}
		Objects.requireNonNull(topicLimitError, "topicLimitError");
		Objects.requireNonNull(eventSub, "eventSub");
		allowedHosts = Set.copyOf(allowedHosts);
		for (String allowed : allowedHosts) {
			if (allowed.isBlank() || allowed.chars().anyMatch((c) -> c <= ' ' || c == '/' || c == '@')) {
				throw new IllegalArgumentException("allowedHosts must be host names, was '" + allowed + "'");
			}
		}
		if (port < 0 || port > 65535 || controlPort < -1 || controlPort > 65535) {
			throw new IllegalArgumentException("Ports must be 0 (free) to 65535, or -1 for no control port");
		}
		if (maxTopicsPerConnection < 1 || slowConsumerLimit < 1 || maxFramePayloadLength < 1024) {
			throw new IllegalArgumentException(
					"maxTopicsPerConnection and slowConsumerLimit must be positive, maxFramePayloadLength at least 1024");
		}
	}

	private static void requirePositive(Duration duration, String name, Duration max) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
		if (duration.compareTo(max) > 0) {
			throw new IllegalArgumentException(
					name + " must be at most " + max.toDays() + " days, was " + duration.toDays() + " days");
		}
	}

	/**
	 * The real service's limits, on free ports of {@code 127.0.0.1}.
	 * @return the default settings
	 */
	public static FakeServerSettings defaults() {
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
		builder.host = this.host;
		builder.port = this.port;
		builder.controlPort = this.controlPort;
		builder.firstListenTimeout = this.firstListenTimeout;
		builder.pingTimeout = this.pingTimeout;
		builder.reconnectGracePeriod = this.reconnectGracePeriod;
		builder.maxTopicsPerConnection = this.maxTopicsPerConnection;
		builder.topicLimitError = this.topicLimitError;
		builder.allowUndocumentedTopics = this.allowUndocumentedTopics;
		builder.slowConsumerLimit = this.slowConsumerLimit;
		builder.maxFramePayloadLength = this.maxFramePayloadLength;
		builder.tokenLifetime = this.tokenLifetime;
		builder.allowedHosts = this.allowedHosts;
		builder.eventSub = this.eventSub;
		return builder;
	}

	/**
	 * Builds {@link FakeServerSettings}; every value starts at the real service's
	 * default.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private int controlPort;

		private Duration firstListenTimeout = Duration.ofSeconds(15);

		private Duration pingTimeout = Duration.ofMinutes(5);

		private Duration reconnectGracePeriod = Duration.ofSeconds(30);

		private int maxTopicsPerConnection = 50;

		private String topicLimitError = "ERR_BADMESSAGE";

		private boolean allowUndocumentedTopics;

		private int slowConsumerLimit = 30;

		private int maxFramePayloadLength = 1024 * 1024;

		private Duration tokenLifetime = Duration.ofHours(4);

		private Set<String> allowedHosts = Set.of();

		private EventSubSettings eventSub = EventSubSettings.defaults();

		private Builder() {
		}

		/**
		 * @param host the address to bind
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * @param port the PubSub and OAuth port, {@code 0} for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * @param controlPort the control API's port, {@code 0} for a free one, {@code -1}
		 * for none
		 * @return this builder
		 */
		public Builder controlPort(int controlPort) {
			this.controlPort = controlPort;
			return this;
		}

		/**
		 * @param firstListenTimeout how long a new connection may wait before its first
		 * LISTEN
		 * @return this builder
		 */
		public Builder firstListenTimeout(Duration firstListenTimeout) {
			this.firstListenTimeout = firstListenTimeout;
			return this;
		}

		/**
		 * @param pingTimeout how long a connection may go without a PING
		 * @return this builder
		 */
		public Builder pingTimeout(Duration pingTimeout) {
			this.pingTimeout = pingTimeout;
			return this;
		}

		/**
		 * @param reconnectGracePeriod how long after a RECONNECT the server closes the
		 * connection
		 * @return this builder
		 */
		public Builder reconnectGracePeriod(Duration reconnectGracePeriod) {
			this.reconnectGracePeriod = reconnectGracePeriod;
			return this;
		}

		/**
		 * @param maxTopicsPerConnection the most topics one connection may listen to
		 * @param topicLimitError the error a LISTEN past the limit gets
		 * @return this builder
		 */
		public Builder topicLimit(int maxTopicsPerConnection, String topicLimitError) {
			this.maxTopicsPerConnection = maxTopicsPerConnection;
			this.topicLimitError = topicLimitError;
			return this;
		}

		/**
		 * @param allowUndocumentedTopics whether undocumented topics may be listened to
		 * @return this builder
		 */
		public Builder allowUndocumentedTopics(boolean allowUndocumentedTopics) {
			this.allowUndocumentedTopics = allowUndocumentedTopics;
			return this;
		}

		/**
		 * @param slowConsumerLimit how many published messages may wait for a connection
		 * before it is dropped
		 * @return this builder
		 */
		public Builder slowConsumerLimit(int slowConsumerLimit) {
			this.slowConsumerLimit = slowConsumerLimit;
			return this;
		}

		/**
		 * @param maxFramePayloadLength the largest frame accepted from a client, in bytes
		 * @return this builder
		 */
		public Builder maxFramePayloadLength(int maxFramePayloadLength) {
			this.maxFramePayloadLength = maxFramePayloadLength;
			return this;
		}

		/**
		 * @param tokenLifetime the lifetime of issued and refreshed tokens
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * @param allowedHosts host names HTTP requests may carry in their {@code Host}
		 * header besides the loopback names and the bound address
		 * @return this builder
		 */
		public Builder allowedHosts(Collection<String> allowedHosts) {
			this.allowedHosts = Set.copyOf(allowedHosts);
			return this;
		}

		/**
		 * @param eventSub how the fake EventSub service behaves
		 * @return this builder
		 */
		public Builder eventSub(EventSubSettings eventSub) {
			this.eventSub = eventSub;
			return this;
		}

		/**
		 * @return the settings
		 * @throws IllegalArgumentException if a value is out of range
		 */
		public FakeServerSettings build() {
			return new FakeServerSettings(this.host, this.port, this.controlPort, this.firstListenTimeout,
					this.pingTimeout, this.reconnectGracePeriod, this.maxTopicsPerConnection, this.topicLimitError,
					this.allowUndocumentedTopics, this.slowConsumerLimit, this.maxFramePayloadLength,
					this.tokenLifetime, this.allowedHosts, this.eventSub);
		}

	}

}
