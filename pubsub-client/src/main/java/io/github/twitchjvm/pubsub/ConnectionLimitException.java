package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * Listening to one more topic would need more connections than the client may open
 * (Twitch recommended at most 10 per IP, with 50 topics each).
 */
public class ConnectionLimitException extends PubSubException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param topic the topic that did not fit
	 * @param maxConnections the limit
	 * @param topicsPerConnection topics per connection
	 */
	public ConnectionLimitException(Topic topic, int maxConnections, int topicsPerConnection) {
		super(topic, "Cannot listen to " + topic + ": " + maxConnections + " connections of " + topicsPerConnection
				+ " topics are full; raise maxConnections or unlisten other topics", null);
	}

}
