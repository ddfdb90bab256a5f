package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;

import org.springframework.context.ApplicationEvent;

/**
 * Something happened to the auto-configured {@link EventSubClient}, its source. Events
 * are published in the order they happened, one at a time, on a thread of the
 * integration's own ({@code eventsub-events}), never on the client's: a listener may call
 * the client, and a slow listener delays only the events after it.
 */
public abstract class EventSubClientEvent extends ApplicationEvent {

	EventSubClientEvent(EventSubClient client) {
		super(client);
	}

	/**
	 * The client the event is about.
	 * @return the client
	 */
	public EventSubClient getClient() {
		return (EventSubClient) getSource();
	}

}
