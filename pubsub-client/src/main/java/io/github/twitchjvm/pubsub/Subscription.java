package io.github.twitchjvm.pubsub;

import java.util.UUID;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.dispatch.SubscriptionQueue;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * One handler's subscription to a topic: its id, its topic, and its ordered queue to the
 * handler, whose deliveries, drops and failures it counts.
 */
final class Subscription implements SubscriptionQueue.Handler<PubSubMessage>, SubscriptionQueue.Events {

	/** How a message reaches the handler: typed payload or raw message. */
	@FunctionalInterface
	interface Delivery {

		void deliver(UUID subscription, PubSubMessage message) throws Exception;

	}

	/**
	 * What a queued message costs beside its characters: the message, its string and
	 * array headers, its receive time and the queue's node.
	 */
	static final int MESSAGE_OVERHEAD = 128;

	private final UUID id = UUID.randomUUID();

	private final Topic topic;

	private final Delivery delivery;

	private final ClientCounters counters;

	private final SubscriptionQueue<PubSubMessage> queue;

	Subscription(Topic topic, Delivery delivery, QueueBudget budget, Executor executor, ClientCounters counters,
			RateLimitedLog log) {
		this.topic = topic;
		this.delivery = delivery;
		this.counters = counters;
		this.queue = new SubscriptionQueue<>(this, this, Subscription::estimatedBytes, budget, executor, this, log);
	}

	/**
	 * A message's size as the queue budget counts it: characters as bytes (what Latin-1
	 * strings take; text beyond Latin-1 takes twice that) plus the fixed overhead.
	 */
	static int estimatedBytes(PubSubMessage message) {
		return message.text().length() + MESSAGE_OVERHEAD;
	}

	UUID id() {
		return this.id;
	}

	Topic topic() {
		return this.topic;
	}

	SubscriptionQueue<PubSubMessage> queue() {
		return this.queue;
	}

	/**
	 * On a socket's reading thread (or the engine's, when a handover releases messages):
	 * never blocks.
	 */
	void offer(PubSubMessage message) {
		this.queue.offer(message);
	}

	void cancel() {
		this.queue.cancel();
	}

	int queued() {
		return this.queue.queued();
	}

	@Override
	public void handle(PubSubMessage message) throws Exception {
		this.delivery.deliver(this.id, message);
	}

	@Override
	public void delivered() {
		this.counters.messagesDelivered.increment();
	}

	@Override
	public void dropped(DropReason reason) {
		this.counters.dropped(this.topic, reason, 1);
	}

	@Override
	public void handlerFailed() {
		this.counters.handlerErrors.increment();
	}

	@Override
	public String toString() {
		return "subscription " + this.id + " to " + this.topic;
	}

}
