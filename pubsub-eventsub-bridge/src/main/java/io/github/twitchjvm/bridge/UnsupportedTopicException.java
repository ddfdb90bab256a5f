package io.github.twitchjvm.bridge;

/**
 * A PubSub topic, or a payload type of one, that EventSub cannot serve faithfully. The
 * message names the topic and what to use instead, if anything.
 */
public final class UnsupportedTopicException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String topic;

	/**
	 * Creates the exception.
	 * @param topic the topic string
	 * @param message what is not supported and what to use instead
	 */
	public UnsupportedTopicException(String topic, String message) {
		super(message);
		this.topic = topic;
	}

	/**
	 * The topic that cannot ride on EventSub.
	 * @return the topic string
	 */
	public String topic() {
		return this.topic;
	}

}
