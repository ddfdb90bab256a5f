package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server refused the token for the topic (unknown, expired or revoked token, another
 * user's token, or a missing scope), also after one refresh.
 */
public class AuthorizationFailedException extends ListenFailedException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param detail what the client did about it
	 */
	public AuthorizationFailedException(Topic topic, String detail) {
		super(topic, "ERR_BADAUTH", detail, null);
	}

}
