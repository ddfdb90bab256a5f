package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server could not understand the request (ERR_BADMESSAGE), which Twitch also
 * answered when a connection had too many topics.
 */
public class BadMessageException extends ListenFailedException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param detail what the client did about it
	 */
	public BadMessageException(Topic topic, String detail) {
		super(topic, "ERR_BADMESSAGE", detail, null);
	}

}
