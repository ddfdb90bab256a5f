package io.github.twitchjvm.pubsub.diagnostics;

/**
 * The application asks for something the EventSub integration cannot do, found at
 * startup: a {@code @TwitchEvent} that names an unknown type, a condition the type does
 * not take, a handler parameter that cannot be supplied, more subscriptions than Twitch
 * allows. Spring Boot reports it as a failure analysis with the description and the
 * action.
 */
public class EventSubConfigurationException extends TwitchConfigurationException {

	/**
	 * Creates the exception.
	 * @param description what is wrong, naming the method or property
	 * @param action how to fix it
	 */
	public EventSubConfigurationException(String description, String action) {
		super(description, action);
	}

}
