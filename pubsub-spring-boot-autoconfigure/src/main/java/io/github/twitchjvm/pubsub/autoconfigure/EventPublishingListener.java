package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.function.Supplier;

import io.github.twitchjvm.pubsub.ConnectionStatus;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.TopicStatus;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns the client's state callbacks into application events. The client is known only after it was built with
 * this listener, hence the supplier.
 */
final class EventPublishingListener implements PubSubListener {

	private static final Logger logger = LoggerFactory.getLogger(EventPublishingListener.class);

	private final ApplicationEventPublisher publisher;

	private final Supplier<PubSubClient> client;

	EventPublishingListener(ApplicationEventPublisher publisher, Supplier<PubSubClient> client) {
		this.publisher = publisher;
		this.client = client;
	}

	@Override
	public void connectionChanged(ConnectionStatus status) {
		publish(new PubSubConnectionEvent(this.client.get(), status));
	}

	@Override
	public void topicChanged(TopicStatus status) {
		publish(new PubSubTopicEvent(this.client.get(), status));
	}

	@Override
	public void authorizationRevoked(Topic topic) {
		publish(new PubSubAuthorizationRevokedEvent(this.client.get(), topic));
	}

	private void publish(PubSubEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// An application listener's failure must not reach the client's engine thread.
			logger.warn("An application listener failed on {}", event, ex);
		}
	}

}
