package io.github.twitchjvm.eventsub;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.RateLimitedLog;

/**
 * Tells the application's {@link EventSubListener}s, on a loop of their own so that a
 * slow listener never holds up the engine.
 */
final class EventSubNotifier {

	private final List<EventSubListener> listeners;

	private final EngineLoop loop;

	private final RateLimitedLog log;

	EventSubNotifier(List<EventSubListener> listeners, EngineLoop loop, RateLimitedLog log) {
		this.listeners = listeners;
		this.loop = loop;
		this.log = log;
	}

	void sessionOpened(String userId, String sessionId) {
		tell((listener) -> listener.sessionOpened(userId, sessionId));
	}

	void sessionLost(String userId, ReconnectCause cause, int closeCode) {
		tell((listener) -> listener.sessionLost(userId, cause, closeCode));
	}

	void reconnecting(String userId, ReconnectCause cause) {
		tell((listener) -> listener.reconnecting(userId, cause));
	}

	void helixRequestCompleted(String method, int status, Duration elapsed) {
		tell((listener) -> listener.helixRequestCompleted(method, status, elapsed));
	}

	void subscriptionEnabled(EventSubSubscription subscription) {
		tell((listener) -> listener.subscriptionEnabled(subscription));
	}

	void subscriptionFailed(EventSubSubscription subscription, Throwable failure) {
		tell((listener) -> listener.subscriptionFailed(subscription, failure));
	}

	void subscriptionRevoked(EventSubSubscription subscription, String status) {
		tell((listener) -> listener.subscriptionRevoked(subscription, status));
	}

	private void tell(Consumer<EventSubListener> call) {
		if (this.listeners.isEmpty()) {
			return;
		}
		this.loop.execute(() -> {
			for (EventSubListener listener : this.listeners) {
				try {
					call.accept(listener);
				}
				catch (RuntimeException ex) {
					this.log.warn("listener", "An EventSub listener failed", ex);
				}
			}
		});
	}

}
