package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * The token provider gave no token for a topic's user (its stage failed or completed
 * empty); nothing was sent to the server.
 */
public class TokenUnavailableException extends PubSubException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param userId the user whose token was asked for
	 * @param cause why the provider failed, or {@code null}
	 */
	public TokenUnavailableException(Topic topic, @Nullable String userId, @Nullable Throwable cause) {
		super(topic, "The token provider has no token for user " + userId + ", needed for " + topic
				+ ((cause != null) ? " (" + cause.getClass().getSimpleName() + ")" : ""), cause);
	}

}
