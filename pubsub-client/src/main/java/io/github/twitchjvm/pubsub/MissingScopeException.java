package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The token for a topic is known to lack the scope the topic needs; nothing was sent to
 * the server.
 */
public class MissingScopeException extends PubSubException {

	private static final long serialVersionUID = 1L;

	private final String scope;

	/**
	 * @param topic the topic
	 * @param scope the scope the token lacks
	 */
	public MissingScopeException(Topic topic, String scope) {
		super(topic, "The token for " + topic + " lacks the scope " + scope + " the topic needs", null);
		this.scope = scope;
	}

	/**
	 * The scope the token lacks.
	 * @return for example {@code "whispers:read"}
	 */
	public String scope() {
		return this.scope;
	}

}
