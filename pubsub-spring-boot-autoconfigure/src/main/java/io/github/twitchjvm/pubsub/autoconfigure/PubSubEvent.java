package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;

import org.springframework.context.ApplicationEvent;

/**
 * Something happened to the auto-configured {@link PubSubClient}, its source. Events are
 * published in the order they happened, one at a time, on a thread of the integration's
 * own ({@code pubsub-events}), never on the client's: a listener may call the client, and
 * a slow listener delays only the events after it.
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
