package io.github.twitchjvm.eventsub;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.dispatch.SubscriptionQueue;
import io.github.twitchjvm.core.log.RateLimitedLog;

import org.jspecify.annotations.Nullable;

/**
 * One subscription of the application: the handle it holds, its handler's queue, and the
 * engine's bookkeeping of its creation (which session carries it is the engine's). Engine
 * fields are touched on the engine's loop only; the state and ids the handle shows are
 * volatile.
 */
final class Subscription implements EventSubSubscription, SubscriptionQueue.Handler<EventSubNotification> {

	/** Counted per notification on top of its event's characters, for the byte budget. */
	static final int NOTIFICATION_OVERHEAD = 256;

	private final UUID id = UUID.randomUUID();

	private final String type;

	private final String version;

	private final Map<String, String> condition;

	private final String userId;

	private final EventSubHandler handler;

	private final SubscriptionQueue<EventSubNotification> queue;

	final CompletableFuture<EventSubSubscription> accepted = new CompletableFuture<>();

	private volatile SubscriptionState state = SubscriptionState.PENDING;

	private volatile @Nullable String twitchId;

	private volatile @Nullable String revocationStatus;

	private volatile @Nullable Throwable failure;

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

	Subscription(String type, String version, Map<String, String> condition, String userId, EventSubHandler handler,
			QueueBudget budget, Executor executor, SubscriptionQueue.Events events, RateLimitedLog log) {
		this.type = type;
		this.version = version;
		this.condition = Map.copyOf(condition);
		this.userId = userId;
		this.handler = handler;
		this.queue = new SubscriptionQueue<>(this, this, Subscription::estimatedBytes, budget, executor, events, log);
	}

	static int estimatedBytes(EventSubNotification notification) {
		return notification.rawEvent().length() + NOTIFICATION_OVERHEAD;
	}

	@Override
	public void handle(EventSubNotification notification) throws Exception {
		this.handler.handle(this, notification);
	}

	void offer(EventSubNotification notification) {
		this.queue.offer(notification);
	}

	SubscriptionQueue<EventSubNotification> queue() {
		return this.queue;
	}

	void enabled(String twitchId) {
		this.twitchId = twitchId;
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
		this.queue.cancel();
	}

	boolean isActive() {
		return this.state == SubscriptionState.PENDING || this.state == SubscriptionState.ENABLED;
	}

	@Override
	public UUID id() {
		return this.id;
	}

	@Override
	public String type() {
		return this.type;
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public Map<String, String> condition() {
		return this.condition;
	}

	@Override
	public String userId() {
		return this.userId;
	}

	@Override
	public SubscriptionState state() {
		return this.state;
	}

	@Override
	public @Nullable String twitchId() {
		return this.twitchId;
	}

	@Override
	public @Nullable String revocationStatus() {
		return this.revocationStatus;
	}

	@Override
	public @Nullable Throwable failure() {
		return this.failure;
	}

	@Override
	public String toString() {
		return this.type + "@" + this.version + this.condition;
	}

	/** Counts what happens to this subscription's notifications. */
	static final class Counting implements SubscriptionQueue.Events {

		private final EngineCounters counters;

		Counting(EngineCounters counters) {
			this.counters = counters;
		}

		@Override
		public void delivered() {
			this.counters.delivered.increment();
		}

		@Override
		public void dropped(DropReason reason) {
			this.counters.dropped(reason.tagValue());
		}

		@Override
		public void handlerFailed() {
			this.counters.handlerFailures.increment();
		}

	}

}
