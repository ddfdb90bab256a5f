package io.github.twitchjvm.eventsub;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.eventsub.session.EventSubFrame;

import org.jspecify.annotations.Nullable;

/**
 * The notification path: on a socket's reading thread a notification is checked against
 * the message ids of the last ten minutes and its age, and routed by Twitch's
 * subscription id to the subscription's queue, without waiting for the engine's loop. A
 * notification that arrives before the client has read Twitch's 202 answer waits on the
 * loop (bounded) until the subscription it belongs to is enabled.
 */
final class Deliveries {

	/**
	 * Twitch's at-least-once window: duplicates and old messages within it are dropped.
	 */
	static final Duration REPLAY_WINDOW = Duration.ofMinutes(10);

	private static final int MAX_SEEN = 65_536;

	private static final int MAX_EARLY = 1_000;

	private final EngineLoop loop;

	private final EngineCounters counters;

	private final SeenMessages seen = new SeenMessages(REPLAY_WINDOW.toNanos(), MAX_SEEN);

	/** Twitch's subscription id to the subscription; read by the reading threads. */
	private final Map<String, Subscription> routes = new ConcurrentHashMap<>();

	Deliveries(EngineLoop loop, EngineCounters counters) {
		this.loop = loop;
		this.counters = counters;
	}

	void route(String twitchId, Subscription subscription) {
		this.routes.put(twitchId, subscription);
	}

	@Nullable Subscription unroute(String twitchId) {
		return this.routes.remove(twitchId);
	}

	/** A notification, on the socket's reading thread. */
	void deliver(Session session, EventSubFrame.Notification frame) {
		long now = this.loop.nanoTime();
		session.touch(now);
		this.counters.received.increment();
		if (!this.seen.firstTime(frame.messageId(), now)) {
			this.counters.dropped(null, DropReason.DUPLICATE);
			return;
		}
		Instant receivedAt = this.loop.now();
		if (frame.timestamp().isBefore(receivedAt.minus(REPLAY_WINDOW))) {
			this.counters.dropped(null, DropReason.TOO_OLD);
			return;
		}
		Subscription subscription = this.routes.get(frame.subscriptionId());
		EventSubNotification notification = new EventSubNotification(frame, receivedAt);
		if (subscription != null) {
			subscription.offer(notification);
			return;
		}
		// Twitch may send a notification before the client has read its 202 answer.
		this.loop.execute(() -> early(session, notification));
	}

	/** Delivers what waited for the session's creations, once none is in flight. */
	void replayEarly(Session session) {
		if (session.early.isEmpty() || hasCreationInFlight(session)) {
			return;
		}
		List<Runnable> early = List.copyOf(session.early);
		session.early.clear();
		early.forEach(Runnable::run);
	}

	private void early(Session session, EventSubNotification notification) {
		Subscription subscription = this.routes.get(notification.subscriptionId());
		if (subscription != null) {
			subscription.offer(notification);
			return;
		}
		if (session.early.size() < MAX_EARLY && hasCreationInFlight(session)) {
			session.early.add(() -> {
				Subscription known = this.routes.get(notification.subscriptionId());
				if (known != null) {
					known.offer(notification);
				}
				else {
					this.counters.dropped(null, DropReason.NO_SUBSCRIBER);
				}
			});
			return;
		}
		this.counters.dropped(null, DropReason.NO_SUBSCRIBER);
	}

	private static boolean hasCreationInFlight(Session session) {
		for (Subscription subscription : session.subscriptions) {
			if (subscription.state() == SubscriptionState.PENDING) {
				return true;
			}
		}
		return false;
	}

}
