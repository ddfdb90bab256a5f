package io.github.twitchjvm.core.transport;

import io.github.twitchjvm.core.engine.ReconnectCause;

/**
 * The WebSocket close codes the engines use or see (RFC 6455, section 7.4.1), and what a
 * code means for a reconnect.
 */
public final class CloseCodes {

	/** The purpose of the connection was fulfilled. */
	public static final int NORMAL = 1000;

	/** An endpoint is going away. */
	public static final int GOING_AWAY = 1001;

	/** The connection ended without a close frame (never sent on the wire). */
	public static final int NO_CLOSE_FRAME = 1006;

	/** A message was too big to process. */
	public static final int MESSAGE_TOO_BIG = 1009;

	private CloseCodes() {
	}

	/**
	 * Why the connection must be replaced, from how it ended.
	 * @param code the close code the listener was told
	 * @return {@link ReconnectCause#ERROR} when it ended without a close frame,
	 * {@link ReconnectCause#CLOSED} otherwise
	 */
	public static ReconnectCause reconnectCause(int code) {
		return (code == NO_CLOSE_FRAME) ? ReconnectCause.ERROR : ReconnectCause.CLOSED;
	}

}
