package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;

import org.springframework.context.ApplicationEvent;

/**
 * Something happened to the auto-configured {@link PubSubClient}, its source. Events are published on the client's
 * engine thread: a listener must return quickly (or be {@code @Async}), because the client's timers wait for it.
 */
public abstract class PubSubEvent extends ApplicationEvent {

	PubSubEvent(PubSubClient client) {
		super(client);
	}

	/**
	 * The client the event is about.
	 * @return the client
	 */
	public PubSubClient getClient() {
		return (PubSubClient) getSource();
	}

}
