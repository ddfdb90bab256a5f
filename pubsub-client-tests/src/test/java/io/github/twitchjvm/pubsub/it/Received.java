package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubHandler;

import static org.awaitility.Awaitility.await;

/** A handler that keeps what it receives, with the thread it ran on, for assertions. */
final class Received<T> implements PubSubHandler<T> {

	final List<T> payloads = new CopyOnWriteArrayList<>();

	final List<UUID> subscriptions = new CopyOnWriteArrayList<>();

	final List<String> threads = new CopyOnWriteArrayList<>();

	@Override
	public void handle(UUID subscription, T payload) {
		this.subscriptions.add(subscription);
		this.payloads.add(payload);
		this.threads.add(Thread.currentThread().getName());
	}

	List<T> awaitCount(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.payloads.size() >= count);
		return this.payloads;
	}

}
