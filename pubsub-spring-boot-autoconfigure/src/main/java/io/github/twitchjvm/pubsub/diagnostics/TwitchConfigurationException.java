package io.github.twitchjvm.pubsub.diagnostics;

/**
 * The application asks for something the Twitch integration cannot do, found at startup.
 * Spring Boot reports it as a failure analysis with the description and the action.
 * {@link PubSubConfigurationException} and {@link EventSubConfigurationException} say
 * which protocol's part found it.
 */
public class TwitchConfigurationException extends RuntimeException {

	private final String action;

	/**
	 * Creates the exception.
	 * @param description what is wrong, naming the method or property
	 * @param action how to fix it
	 */
	public TwitchConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * How to fix the problem.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
