package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.twitchjvm.pubsub.ConnectionStatus;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.TopicStatus;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns the client's state callbacks into application events, published in order on a
 * thread of their own ({@code pubsub-events}). The client tells its listeners in order on
 * its notification thread ({@code pubsub-notify}), never on its engine's, so publishing
 * there would be safe for the engine; but every listener of the client shares that thread
 * (health, metrics), and an application listener may block, or call a blocking
 * {@code listen*}, whose confirmation comes through that very thread (the client refuses
 * such a call there rather than wait for itself). A thread of the events' own keeps both
 * away from the client's listeners.
 */
final class EventPublishingListener implements PubSubListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EventPublishingListener.class);

	private final ApplicationEventPublisher publisher;

	/** The client is known only after it was built with this listener. */
	private final AtomicReference<@Nullable PubSubClient> client = new AtomicReference<>();

	private final ExecutorService events = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "pubsub-events");
		thread.setDaemon(true);
		return thread;
	});

	EventPublishingListener(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	void publishFor(PubSubClient client) {
		this.client.set(client);
	}

	@Override
	public void connectionChanged(ConnectionStatus status) {
		publish((client) -> new PubSubConnectionEvent(client, status));
	}

	@Override
	public void topicChanged(TopicStatus status) {
		publish((client) -> new PubSubTopicEvent(client, status));
	}

	@Override
	public void authorizationRevoked(Topic topic) {
		publish((client) -> new PubSubAuthorizationRevokedEvent(client, topic));
	}

	private void publish(Function<PubSubClient, PubSubEvent> event) {
		PubSubClient source = this.client.get();
		if (source == null) {
			return;
		}
		try {
			this.events.execute(() -> {
				PubSubEvent published = event.apply(source);
				try {
					this.publisher.publishEvent(published);
				}
				catch (RuntimeException ex) {
					logger.warn("An application listener failed on {}", published, ex);
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// The context is closing: nobody is left to tell.
		}
	}

	/**
	 * Publishes what is queued (the client stopped before this), then ends the thread.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.events.shutdown();
		if (!this.events.awaitTermination(5, TimeUnit.SECONDS)) {
			this.events.shutdownNow();
		}
	}

}
