package io.github.twitchjvm.pubsub.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link InboundFrames#parse(String)} for a frame that is not valid JSON or
 * lacks what its {@code type} requires.
 *
 * <p>
 * The message says what is wrong but never repeats the frame: frames can be large and
 * carry message content.
 */
public class MalformedFrameException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong with the frame, without its text
	 */
	public MalformedFrameException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with the parser error that revealed the problem.
	 * @param message what is wrong with the frame, without its text
	 * @param cause the underlying error, if any
	 */
	public MalformedFrameException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
