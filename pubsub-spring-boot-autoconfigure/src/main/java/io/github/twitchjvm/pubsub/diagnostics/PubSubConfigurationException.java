package io.github.twitchjvm.pubsub.diagnostics;

/**
 * The application asks for something the PubSub integration cannot do, found at startup:
 * a {@code @TwitchTopic} that names an unknown family or lacks ids, a handler parameter
 * that cannot be supplied, a topic without a token. Spring Boot reports it as a failure
 * analysis with the description and the action.
 */
public class PubSubConfigurationException extends TwitchConfigurationException {

	/**
	 * Creates the exception.
	 * @param description what is wrong, naming the method or property
	 * @param action how to fix it
	 */
	public PubSubConfigurationException(String description, String action) {
		super(description, action);
	}

}
