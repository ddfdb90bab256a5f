package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * Tells the {@link PubSubListener listeners} what the engine did, in order, on a loop of
 * their own: a listener that is slow, blocks or calls the client never holds up the
 * engine. The notification loop's inbox is bounded; when it is full, notifications are
 * dropped, counted and logged rather than piling up.
 */
final class EngineNotifier {

	private final List<PubSubListener> listeners;

	private final EngineLoop loop;

	private final RateLimitedLog log;

	EngineNotifier(List<PubSubListener> listeners, EngineLoop loop, RateLimitedLog log) {
		this.listeners = List.copyOf(listeners);
		this.loop = loop;
		this.log = log;
	}

	void connectionChanged(ConnectionStatus status) {
		post((listener) -> listener.connectionChanged(status));
	}

	void topicChanged(TopicStatus status) {
		post((listener) -> listener.topicChanged(status));
	}

	void topicRemoved(Topic topic) {
		post((listener) -> listener.topicRemoved(topic));
	}

	void authorizationRevoked(Topic topic) {
		post((listener) -> listener.authorizationRevoked(topic));
	}

	void listenCompleted(Topic topic, @Nullable String error, long elapsedNanos) {
		Duration elapsed = Duration.ofNanos(elapsedNanos);
		post((listener) -> listener.listenCompleted(topic, error, elapsed));
	}

	void reconnecting(String connectionId, ReconnectCause cause) {
		post((listener) -> listener.reconnecting(connectionId, cause));
	}

	void pongReceived(String connectionId, Duration roundTrip) {
		post((listener) -> listener.pongReceived(connectionId, roundTrip));
	}

	/**
	 * Runs an action once the listeners were told everything posted so far, on the
	 * notification loop: a {@code listen*} call completes after its topic's state reached
	 * the listeners, and what the caller chained onto its future never runs on the
	 * engine's loop.
	 */
	void afterNotifications(Runnable action) {
		try {
			this.loop.execute(action);
		}
		catch (RejectedExecutionException ex) {
			// The notification loop is flooded (and has said so): late rather than never.
			action.run();
		}
	}

	void listenerFailed(PubSubListener listener, Throwable ex) {
		this.log.warn("listener-" + listener.getClass().getName(), "Listener {} failed: {}", listener, ex.toString());
	}

	private void post(Consumer<PubSubListener> call) {
		if (this.listeners.isEmpty()) {
			return;
		}
		try {
			this.loop.execute(() -> {
				for (PubSubListener listener : this.listeners) {
					try {
						call.accept(listener);
					}
					catch (RuntimeException | LinkageError | StackOverflowError ex) {
						// Even a listener that recurses for ever must not keep the others
						// from
						// being told.
						listenerFailed(listener, ex);
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.log.warn("notifications-dropped", "Listeners are too slow: a notification was dropped");
		}
	}

}
