package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * The root of every failure the client reports. The message names the topic and, where
 * the server answered, its error code; it never contains a token.
 */
public class PubSubException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable Topic topic;

	/**
	 * @param topic the topic concerned, or {@code null}
	 * @param message what went wrong
	 * @param cause the underlying failure, or {@code null}
	 */
	public PubSubException(@Nullable Topic topic, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.topic = topic;
	}

	/**
	 * The topic concerned.
	 * @return the topic, or {@code null} when the failure concerns no single topic
	 */
	public @Nullable Topic topic() {
		return this.topic;
	}

}
