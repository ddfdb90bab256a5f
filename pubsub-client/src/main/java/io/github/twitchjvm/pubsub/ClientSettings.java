package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.connection.SocketSettings;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link PubSubClientBuilder} collected, checked once by {@link SettingRules}.
 */
record ClientSettings(URI uri, TwitchTokenProvider tokenProvider, @Nullable Executor dispatchExecutor,
		@Nullable WebSocketTransport transport, Duration pingFrequency, Duration pingJitter, Duration pongTimeout,
		Duration listenConfirmTimeout, Duration connectTimeout, int topicsPerConnection, int maxConnections,
		Duration reconnectInitialDelay, Duration reconnectMaxDelay, Duration stablePeriod, int listensPerSecond,
		long maxQueuedBytes, long maxQueuedBytesPerSubscription, OverflowPolicy overflow, int maxMessageSize,
		int serverErrorRetries, Duration handoverSettle, Duration dispatchDrainTimeout,
		List<PubSubListener> listeners) {

	/**
	 * What the client may have waiting to be sent on one socket before the server counts
	 * as not reading: far more than a socket's 50 LISTENs with long tokens, far less than
	 * a heap.
	 */
	static final long MAX_QUEUED_CHARACTERS = 1024 * 1024;

	/** How long a socket the client closes waits for the server's close frame. */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	ClientSettings {
		listeners = List.copyOf(listeners);
		SettingRules.check(pingFrequency, pingJitter, pongTimeout, listenConfirmTimeout, connectTimeout,
				topicsPerConnection, maxConnections, reconnectInitialDelay, reconnectMaxDelay, stablePeriod,
				listensPerSecond, maxQueuedBytes, maxQueuedBytesPerSubscription, maxMessageSize, serverErrorRetries,
				handoverSettle, dispatchDrainTimeout);
	}

	SocketSettings socketSettings() {
		return new SocketSettings(this.uri, new ConnectOptions(this.maxMessageSize, this.connectTimeout),
				this.pingFrequency, this.pingJitter, this.pongTimeout, this.listenConfirmTimeout, MAX_QUEUED_CHARACTERS,
				CLOSE_TIMEOUT);
	}

}
