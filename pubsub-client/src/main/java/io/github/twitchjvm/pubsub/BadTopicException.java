package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server does not know the topic or finds it malformed (ERR_BADTOPIC); retrying
 * cannot help.
 */
public class BadTopicException extends ListenFailedException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param detail what the client did about it
	 */
	public BadTopicException(Topic topic, String detail) {
		super(topic, "ERR_BADTOPIC", detail, null);
	}

}
