package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server failed internally (ERR_SERVER) and kept failing through the client's bounded
 * retries.
 */
public class BackendErrorException extends ListenFailedException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param detail what the client did about it
	 */
	public BackendErrorException(Topic topic, String detail) {
		super(topic, "ERR_SERVER", detail, null);
	}

}
