package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The server revoked the token of a topic ({@code AUTH_REVOKED}): the topic will not be
 * listened to again until the application listens anew, typically after the user
 * authorised it again.
 */
public final class PubSubAuthorizationRevokedEvent extends PubSubEvent {

	private final Topic topic;

	PubSubAuthorizationRevokedEvent(PubSubClient client, Topic topic) {
		super(client);
		this.topic = topic;
	}

	/**
	 * The topic whose authorisation ended.
	 * @return the topic
	 */
	public Topic getTopic() {
		return this.topic;
	}

	@Override
	public String toString() {
		return "PubSubAuthorizationRevokedEvent[" + this.topic + "]";
	}

}
