package io.github.twitchjvm.core.transport;

/**
 * What a {@link WebSocketTransport} reports about one connection, on the transport's
 * threads, one call at a time. Implementations must return quickly: the transport reads
 * nothing more from the connection meanwhile.
 */
public interface WebSocketListener {

	/**
	 * A whole text message arrived (put together from its parts if the peer sent it in
	 * several).
	 * @param message the message
	 */
	void onText(String message);

	/**
	 * A message arrived that cannot be delivered: binary, or longer than the size limit.
	 * It was skipped; the connection goes on.
	 * @param reason what it was, for logs
	 */
	void onUnusableMessage(String reason);

	/**
	 * The peer closed the connection with a close frame, or the connection closed without
	 * one (code {@link CloseCodes#NO_CLOSE_FRAME}). Nothing more is reported.
	 * @param code the close code
	 * @param reason the close reason, possibly empty
	 */
	void onClosed(int code, String reason);

	/**
	 * The connection failed (I/O error, protocol violation). Nothing more is reported.
	 * @param error what happened
	 */
	void onError(Throwable error);

}
