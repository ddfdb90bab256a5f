package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.core.transport.WebSocketTransport;

import org.jspecify.annotations.Nullable;

/**
 * Everything the builder checked, in one immutable place.
 */
record EventSubSettings(URI uri, URI helixUri, String clientId, TwitchTokenProvider tokenProvider,
		boolean allowInsecure, @Nullable Executor dispatchExecutor, @Nullable WebSocketTransport transport,
		Duration connectTimeout, Duration helixTimeout, Duration subscribeTimeout, int maxSessions,
		int subscriptionsPerSession, int subscriptionsPerSecond, Duration reconnectInitialDelay,
		Duration reconnectMaxDelay, long maxQueuedBytes, long maxQueuedBytesPerSubscription, OverflowPolicy overflow,
		int maxMessageSize, Duration dispatchDrainTimeout, List<EventSubListener> listeners) {

	EventSubSettings {
		listeners = List.copyOf(listeners);
	}

	/**
	 * Hides the token provider, which may hold secrets.
	 */
	@Override
	public String toString() {
		return "EventSubSettings[uri=" + this.uri + ", helixUri=" + this.helixUri + ", maxSessions=" + this.maxSessions
				+ ", subscriptionsPerSession=" + this.subscriptionsPerSession + "]";
	}

}
