package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicStatus;

/**
 * A wanted topic changed state: pending, active, failed (with the reason) or revoked.
 */
public final class PubSubTopicEvent extends PubSubEvent {

	private final TopicStatus status;

	PubSubTopicEvent(PubSubClient client, TopicStatus status) {
		super(client);
		this.status = status;
	}

	/**
	 * The topic after the change.
	 * @return its status
	 */
	public TopicStatus getStatus() {
		return this.status;
	}

	@Override
	public String toString() {
		return "PubSubTopicEvent[" + this.status + "]";
	}

}
