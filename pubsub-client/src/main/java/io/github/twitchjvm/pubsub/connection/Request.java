package io.github.twitchjvm.pubsub.connection;

/**
 * A LISTEN or UNLISTEN waiting for the RESPONSE with its nonce: the socket calls exactly
 * one of these, on the engine's loop.
 */
public interface Request {

	/**
	 * The RESPONSE came.
	 * @param error {@code ""} for success, else the server's error code
	 */
	void answered(String error);

	/**
	 * No RESPONSE came within the request timeout.
	 */
	void unanswered();

	/**
	 * The socket ended before a RESPONSE came.
	 */
	default void abandoned() {
	}

}
