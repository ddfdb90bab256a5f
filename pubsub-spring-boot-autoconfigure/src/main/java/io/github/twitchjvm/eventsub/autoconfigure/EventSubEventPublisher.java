package io.github.twitchjvm.eventsub.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubListener;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns the client's session and subscription callbacks into application events,
 * published in order on a thread of their own ({@code eventsub-events}), so that an
 * application listener that blocks or calls the client holds up neither the client nor
 * its other listeners (health, metrics).
 */
final class EventSubEventPublisher implements EventSubListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EventSubEventPublisher.class);

	private final ApplicationEventPublisher publisher;

	/** The client is known only after it was built with this listener. */
	private final AtomicReference<@Nullable EventSubClient> client = new AtomicReference<>();

	private final ExecutorService events = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "eventsub-events");
		thread.setDaemon(true);
		return thread;
	});

	EventSubEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	void publishFor(EventSubClient client) {
		this.client.set(client);
	}

	@Override
	public void sessionOpened(String userId, String sessionId) {
		publish((source) -> new EventSubSessionEvent(source, userId, sessionId, null, 0));
	}

	@Override
	public void sessionLost(String userId, ReconnectCause cause, int closeCode) {
		publish((source) -> new EventSubSessionEvent(source, userId, null, cause, closeCode));
	}

	@Override
	public void subscriptionEnabled(EventSubSubscription subscription) {
		publish((source) -> new EventSubSubscriptionEvent(source, subscription, SubscriptionState.ENABLED, null));
	}

	@Override
	public void subscriptionFailed(EventSubSubscription subscription, Throwable failure) {
		String reason = LogText.safe(String.valueOf(failure.getMessage()), 300);
		publish((source) -> new EventSubSubscriptionEvent(source, subscription, SubscriptionState.FAILED, reason));
	}

	@Override
	public void subscriptionRevoked(EventSubSubscription subscription, String status) {
		publish((source) -> new EventSubSubscriptionEvent(source, subscription, SubscriptionState.REVOKED, status));
	}

	private void publish(Function<EventSubClient, EventSubClientEvent> event) {
		EventSubClient source = this.client.get();
		if (source == null) {
			return;
		}
		try {
			this.events.execute(() -> {
				EventSubClientEvent published = event.apply(source);
				try {
					this.publisher.publishEvent(published);
				}
				catch (RuntimeException ex) {
					logger.warn("An application listener failed on {}", published, ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
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
