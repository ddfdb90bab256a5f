package io.github.twitchjvm.eventsub;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.dispatch.SubscriptionQueue;
import io.github.twitchjvm.core.log.RateLimitedLog;

import org.jspecify.annotations.Nullable;

/**
 * One handler's subscription, the handle the application holds: its own ordered queue
 * over the {@link Subscription} at Twitch it shares with every handler of the same type,
 * version and condition (Twitch answers 409 to a second one). Its state is the shared
 * subscription's, until the application cancels it.
 */
final class HandlerSubscription
		implements EventSubSubscription, SubscriptionQueue.Handler<EventSubNotification>, SubscriptionQueue.Events {

	private final UUID id = UUID.randomUUID();

	private final Subscription subscription;

	private final EventSubHandler handler;

	private final EngineCounters counters;

	private final SubscriptionQueue<EventSubNotification> queue;

	/** Completes once Twitch accepted the shared subscription. */
	final CompletableFuture<EventSubSubscription> accepted;

	private volatile boolean cancelled;

	HandlerSubscription(Subscription subscription, EventSubHandler handler,
			CompletableFuture<EventSubSubscription> accepted, QueueBudget budget, Executor executor,
			EngineCounters counters, RateLimitedLog log) {
		this.subscription = subscription;
		this.handler = handler;
		this.accepted = accepted;
		this.counters = counters;
		this.queue = new SubscriptionQueue<>(this, this, HandlerSubscription::estimatedBytes, budget, executor, this,
				log);
	}

	static int estimatedBytes(EventSubNotification notification) {
		return notification.rawEvent().length() + Subscription.NOTIFICATION_OVERHEAD;
	}

	Subscription subscription() {
		return this.subscription;
	}

	/** A notification for the handler; on a reading thread or the engine's. */
	void offer(EventSubNotification notification) {
		if (this.cancelled) {
			return;
		}
		this.counters.routed(this);
		this.queue.offer(notification);
	}

	SubscriptionQueue<EventSubNotification> queue() {
		return this.queue;
	}

	void cancel() {
		this.cancelled = true;
		this.queue.cancel();
		this.accepted.cancel(false);
	}

	@Override
	public void handle(EventSubNotification notification) throws Exception {
		this.handler.handle(this, notification);
	}

	@Override
	public void delivered() {
		this.counters.delivered.increment();
	}

	@Override
	public void dropped(DropReason reason) {
		this.counters.dropped(this, reason);
	}

	@Override
	public void handlerFailed() {
		this.counters.handlerFailures.increment();
	}

	@Override
	public UUID id() {
		return this.id;
	}

	@Override
	public String type() {
		return this.subscription.type();
	}

	@Override
	public String version() {
		return this.subscription.version();
	}

	@Override
	public Map<String, String> condition() {
		return this.subscription.condition();
	}

	@Override
	public String userId() {
		return this.subscription.userId();
	}

	@Override
	public SubscriptionState state() {
		return this.cancelled ? SubscriptionState.CANCELLED : this.subscription.state();
	}

	@Override
	public @Nullable String twitchId() {
		return this.cancelled ? null : this.subscription.twitchId();
	}

	@Override
	public @Nullable String revocationStatus() {
		return this.subscription.revocationStatus();
	}

	@Override
	public @Nullable Throwable failure() {
		return this.subscription.failure();
	}

	@Override
	public int cost() {
		return this.subscription.cost();
	}

	@Override
	public String toString() {
		return this.subscription.toString();
	}

}
