package io.github.twitchjvm.eventsub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.auth.AccessToken;

import org.jspecify.annotations.Nullable;

/**
 * One subscription at Twitch (a type, version and condition) and the engine's bookkeeping
 * of its creation; which session carries it is the engine's. Every handler that wants the
 * same one shares it through its own {@link HandlerSubscription}. Engine fields are
 * touched on the engine's loop only; the state and ids the handles show are volatile.
 */
final class Subscription {

	/** Counted per notification on top of its event's characters, for the byte budget. */
	static final int NOTIFICATION_OVERHEAD = 256;

	private final Key key;

	private final String userId;

	/** The handlers' subscriptions; read on the reading threads. */
	final List<HandlerSubscription> handlers = new CopyOnWriteArrayList<>();

	private volatile SubscriptionState state = SubscriptionState.PENDING;

	private volatile @Nullable String twitchId;

	private volatile @Nullable String revocationStatus;

	private volatile @Nullable Throwable failure;

	/** What Twitch said it costs when it last created it; 0 before. */
	private volatile int cost;

	/**
	 * Twitch's id from a session that was lost, to delete before re-creating (loop only).
	 */
	@Nullable String staleTwitchId;

	/** Whether a token refresh was tried for the current creation (loop only). */
	boolean refreshed;

	/** The token a refresh gave, for the creation's retry (loop only). */
	@Nullable AccessToken freshToken;

	/** Retries of the current creation after 429 or 5xx answers (loop only). */
	int retries;

	Subscription(Key key, String userId) {
		this.key = key;
		this.userId = userId;
	}

	/** A notification, for every handler; on a reading thread or the engine's. */
	void offer(EventSubNotification notification) {
		for (HandlerSubscription handler : this.handlers) {
			handler.offer(notification);
		}
	}

	void enabled(String twitchId, int cost) {
		this.twitchId = twitchId;
		this.cost = cost;
		this.state = SubscriptionState.ENABLED;
	}

	void pending() {
		this.twitchId = null;
		if (this.state == SubscriptionState.ENABLED) {
			this.state = SubscriptionState.PENDING;
		}
	}

	void revoked(String status) {
		this.revocationStatus = status;
		this.twitchId = null;
		this.state = SubscriptionState.REVOKED;
	}

	void failed(Throwable failure) {
		this.failure = failure;
		this.twitchId = null;
		this.state = SubscriptionState.FAILED;
	}

	void cancelled() {
		this.twitchId = null;
		this.state = SubscriptionState.CANCELLED;
	}

	boolean isActive() {
		return this.state == SubscriptionState.PENDING || this.state == SubscriptionState.ENABLED;
	}

	Key key() {
		return this.key;
	}

	String type() {
		return this.key.type();
	}

	String version() {
		return this.key.version();
	}

	Map<String, String> condition() {
		return this.key.condition();
	}

	String userId() {
		return this.userId;
	}

	SubscriptionState state() {
		return this.state;
	}

	@Nullable String twitchId() {
		return this.twitchId;
	}

	@Nullable String revocationStatus() {
		return this.revocationStatus;
	}

	@Nullable Throwable failure() {
		return this.failure;
	}

	int cost() {
		return this.cost;
	}

	@Override
	public String toString() {
		return this.key.type() + "@" + this.key.version() + this.key.condition();
	}

	/**
	 * What makes a subscription one at Twitch: a second with the same key gets 409.
	 *
	 * @param type the subscription type
	 * @param version its version
	 * @param condition its condition
	 */
	record Key(String type, String version, Map<String, String> condition) {

		Key {
			condition = Map.copyOf(condition);
		}

	}

}
