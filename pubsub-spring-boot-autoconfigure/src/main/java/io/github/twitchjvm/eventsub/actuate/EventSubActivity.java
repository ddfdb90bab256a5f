package io.github.twitchjvm.eventsub.actuate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.eventsub.EventSubListener;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import org.jspecify.annotations.Nullable;

/**
 * What the client's snapshot does not keep, per subscription handle: its notifications,
 * when the last one arrived, and since when it has been waiting for Twitch again after
 * its session was lost. Registered as a listener of the auto-configured client (an
 * application's own client does not report to it); the endpoint and the health indicator
 * read it. A handle is forgotten once it failed or was revoked, and, as the client tells
 * no cancellation, once it is seen cancelled at its next session or subscription change,
 * so that nothing piles up for subscriptions held once. Counting a notification costs a
 * map lookup and three writes, no allocation.
 */
public final class EventSubActivity implements EventSubListener {

	private final Map<UUID, HandleActivity> handles = new ConcurrentHashMap<>();

	private volatile long lastMillis;

	@Override
	public void notificationReceived(EventSubSubscription subscription) {
		long now = System.currentTimeMillis();
		HandleActivity activity = activity(subscription);
		activity.notifications.increment();
		activity.lastMillis = now;
		this.lastMillis = now;
	}

	@Override
	public void subscriptionEnabled(EventSubSubscription subscription) {
		activity(subscription).waitingSinceMillis = 0;
		forgetCancelled();
	}

	@Override
	public void subscriptionFailed(EventSubSubscription subscription, Throwable failure) {
		this.handles.remove(subscription.id());
		forgetCancelled();
	}

	@Override
	public void subscriptionRevoked(EventSubSubscription subscription, String status) {
		this.handles.remove(subscription.id());
		forgetCancelled();
	}

	/**
	 * The lost session's subscriptions wait for Twitch again from now: those of its user
	 * that are pending when this is told (the engine marks them before it tells), not
	 * those of the user's other sessions, nor those already enabled again.
	 */
	@Override
	public void sessionLost(String userId, ReconnectCause cause, int closeCode) {
		long now = System.currentTimeMillis();
		for (HandleActivity activity : this.handles.values()) {
			EventSubSubscription handle = activity.handle;
			if (activity.waitingSinceMillis == 0 && handle.userId().equals(userId)
					&& handle.state() == SubscriptionState.PENDING) {
				activity.waitingSinceMillis = now;
			}
		}
		forgetCancelled();
	}

	@Override
	public void sessionOpened(String userId, String sessionId) {
		forgetCancelled();
	}

	/**
	 * Notifications handed to a subscription's handler so far.
	 * @param subscription the handle
	 * @return the count
	 */
	public long notifications(EventSubSubscription subscription) {
		HandleActivity activity = this.handles.get(subscription.id());
		return (activity != null) ? activity.notifications.sum() : 0;
	}

	/**
	 * When the last notification for a subscription's handler arrived.
	 * @param subscription the handle
	 * @return the time, or {@code null} if none did
	 */
	public @Nullable Instant lastNotificationAt(EventSubSubscription subscription) {
		HandleActivity activity = this.handles.get(subscription.id());
		return (activity != null && activity.lastMillis != 0) ? Instant.ofEpochMilli(activity.lastMillis) : null;
	}

	/**
	 * When the last notification for any subscription arrived.
	 * @return the time, or {@code null} if none did
	 */
	public @Nullable Instant lastNotificationAt() {
		long last = this.lastMillis;
		return (last != 0) ? Instant.ofEpochMilli(last) : null;
	}

	/**
	 * Since when a subscription that Twitch had accepted waits for it again, its session
	 * having been lost.
	 * @param subscription the handle
	 * @return the time, or {@code null} when it is not known to wait (never accepted yet,
	 * or accepted again since)
	 */
	public @Nullable Instant waitingSince(EventSubSubscription subscription) {
		HandleActivity activity = this.handles.get(subscription.id());
		long since = (activity != null) ? activity.waitingSinceMillis : 0;
		return (since != 0) ? Instant.ofEpochMilli(since) : null;
	}

	private HandleActivity activity(EventSubSubscription subscription) {
		HandleActivity activity = this.handles.get(subscription.id());
		if (activity == null) {
			activity = this.handles.computeIfAbsent(subscription.id(), (key) -> new HandleActivity(subscription));
		}
		return activity;
	}

	/**
	 * On the client's notification thread, at session and subscription changes, which are
	 * rare: a cancelled handle's counts go. A notification of it still being handled on a
	 * reading thread may count it again; such a count goes at the next change.
	 */
	private void forgetCancelled() {
		this.handles.values().removeIf((activity) -> activity.handle.state() == SubscriptionState.CANCELLED);
	}

	private static final class HandleActivity {

		final EventSubSubscription handle;

		final LongAdder notifications = new LongAdder();

		volatile long lastMillis;

		volatile long waitingSinceMillis;

		HandleActivity(EventSubSubscription handle) {
			this.handle = handle;
		}

	}

}
