package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * Told about state changes of the client, for health, metrics and the application. Callbacks run on the client's
 * engine thread: return quickly and never block.
 */
public interface PubSubListener {

	/**
	 * A socket changed state.
	 * @param status the socket now
	 */
	default void connectionChanged(ConnectionStatus status) {
	}

	/**
	 * A wanted topic changed state.
	 * @param status the topic now
	 */
	default void topicChanged(TopicStatus status) {
	}

	/**
	 * The server revoked the token of a topic ({@code AUTH_REVOKED}): the topic is {@link TopicState#REVOKED} and
	 * will not be listened to again; the application may re-authorise the user and listen anew.
	 * @param topic the topic
	 */
	default void authorizationRevoked(Topic topic) {
	}

}
