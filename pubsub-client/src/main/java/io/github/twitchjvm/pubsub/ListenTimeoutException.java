package io.github.twitchjvm.pubsub;

import java.time.Duration;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server did not answer a LISTEN within the listen-confirm timeout.
 */
public class ListenTimeoutException extends PubSubException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic
	 * @param timeout how long the client waited
	 */
	public ListenTimeoutException(Topic topic, Duration timeout) {
		super(topic, "No RESPONSE to the LISTEN for " + topic + " within " + timeout, null);
	}

}
