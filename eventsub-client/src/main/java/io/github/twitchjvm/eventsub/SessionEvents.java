package io.github.twitchjvm.eventsub;

/**
 * What a session reports to the engine that owns it, from the transport's reading thread.
 *
 * @param <S> the session type
 */
interface SessionEvents<S> {

	/**
	 * A whole text message arrived.
	 * @param session the session
	 * @param text the message
	 */
	void frame(S session, String text);

	/**
	 * A message that cannot be read arrived (binary, or over the size limit) and was
	 * skipped.
	 * @param session the session
	 * @param reason what it was
	 */
	void unusable(S session, String reason);

	/**
	 * The socket ended.
	 * @param session the session
	 * @param code the close code, {@code 1006} without a close frame
	 * @param reason the close reason, or the error
	 */
	void ended(S session, int code, String reason);

}
