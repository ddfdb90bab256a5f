package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.twitchjvm.pubsub.auth.TwitchTokenProvider;
import org.springframework.web.socket.client.WebSocketClient;

import org.jspecify.annotations.Nullable;

/** Everything {@link PubSubClient.Builder} collected, validated once. */
record ClientSettings(URI uri, TwitchTokenProvider tokenProvider, @Nullable Executor dispatchExecutor,
		@Nullable WebSocketClient webSocketClient, Duration pingFrequency, Duration pingJitter, Duration pongTimeout,
		Duration listenConfirmTimeout, int topicsPerConnection, int maxConnections, Duration reconnectInitialDelay,
		Duration reconnectMaxDelay, Duration stablePeriod, int listensPerSecond, int queueCapacity,
		int maxMessageSize, int serverErrorRetries, Duration handoverSettle, Duration dispatchDrainTimeout,
		List<PubSubListener> listeners) {

	/** Twitch closes a connection without PING for 5 minutes; it must be pinged well before. */
	static final Duration MIN_PING_MARGIN = Duration.ofSeconds(12);

	ClientSettings {
		listeners = List.copyOf(listeners);
		if (pingFrequency.compareTo(MIN_PING_MARGIN.plus(pingJitter)) <= 0) {
			throw new IllegalArgumentException("pingFrequency (" + pingFrequency + ") must be above 12 s plus pingJitter ("
					+ pingJitter + ")");
		}
		if (pingFrequency.compareTo(Duration.ofMinutes(5)) >= 0) {
			throw new IllegalArgumentException(
					"pingFrequency (" + pingFrequency + ") must be below 5 minutes, or Twitch closes the connection");
		}
		requirePositive(pongTimeout, "pongTimeout");
		requirePositive(listenConfirmTimeout, "listenConfirmTimeout");
		requirePositive(reconnectInitialDelay, "reconnectInitialDelay");
		requirePositive(stablePeriod, "stablePeriod");
		requirePositive(handoverSettle, "handoverSettle");
		if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
			throw new IllegalArgumentException("reconnectMaxDelay must not be below reconnectInitialDelay");
		}
		if (topicsPerConnection < 1 || maxConnections < 1 || listensPerSecond < 1 || queueCapacity < 1
				|| serverErrorRetries < 0 || maxMessageSize < 8192) {
			throw new IllegalArgumentException("topicsPerConnection, maxConnections, listensPerSecond and queueCapacity "
					+ "must be positive, serverErrorRetries not negative, maxMessageSize at least 8192");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
	}

}
