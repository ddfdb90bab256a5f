package io.github.twitchjvm.pubsub.topic;

/**
 * Thrown when a topic string or a topic's ids do not have the form Twitch expects. The
 * message says what is wrong and shows the expected form.
 */
public class InvalidTopicException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidTopicException(String message) {
		super(message);
	}

}
