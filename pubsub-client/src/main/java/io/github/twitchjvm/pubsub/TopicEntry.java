package io.github.twitchjvm.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.pubsub.auth.AccessToken;
import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * One wanted topic in the pool, shared by all its subscriptions: its state, the slot it is assigned to, and the
 * progress of its current LISTEN. Guarded by the pool's lock.
 */
final class TopicEntry {

	final Topic topic;

	final TopicRoute route;

	TopicState state = TopicState.PENDING;

	@Nullable String failure;

	@Nullable Slot slot;

	/** Subscriptions whose {@code listen*} call waits for the server's confirmation. */
	final List<Waiter> waiters = new ArrayList<>();

	/** A LISTEN (or the token fetch before it) is under way. */
	boolean listenInFlight;

	/** Counts attempts, so that the result of an abandoned one is recognised and ignored. */
	int generation;

	/** The socket that confirmed the topic last. */
	@Nullable PubSubSocket confirmedOn;

	boolean everActive;

	boolean refreshTried;

	int retries;

	@Nullable AccessToken token;

	TopicEntry(Topic topic, TopicRoute route) {
		this.topic = topic;
		this.route = route;
	}

	TopicStatus status() {
		List<Subscription> subscriptions = this.route.subscriptions();
		int queued = 0;
		for (Subscription subscription : subscriptions) {
			queued += subscription.queued();
		}
		return new TopicStatus(this.topic, this.state, this.failure, subscriptions.size(), queued,
				(this.slot != null) ? this.slot.id : null);
	}

	/** A {@code listen*} call waiting for its subscription to be confirmed. */
	/**
	 * A {@code listen*} call waiting for its topic.
	 * @param since when it started waiting, {@link System#nanoTime()}
	 */
	record Waiter(Subscription subscription, CompletableFuture<UUID> future, long since) {
	}

}
