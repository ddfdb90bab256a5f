package io.github.twitchjvm.core.engine;

import java.util.Locale;

/**
 * Why a connection is being replaced. Every protocol engine reports these, and metrics
 * use {@link #tagValue()} as the tag, so a dashboard reads the same for every protocol.
 */
public enum ReconnectCause {

	/**
	 * The server asked for it (PubSub's {@code RECONNECT}, EventSub's
	 * {@code session_reconnect}).
	 */
	SERVER_RECONNECT,

	/** No PONG came in time after a PING. */
	PONG_TIMEOUT,

	/** Nothing, not even a keepalive, came within the keepalive timeout. */
	KEEPALIVE_TIMEOUT,

	/** The server closed the connection with a close frame. */
	CLOSED,

	/** The connection broke without a close frame, or failed to send or read. */
	ERROR,

	/** Connecting (TCP, TLS or the WebSocket handshake) failed or took too long. */
	CONNECT_FAILED,

	/** The peer stopped reading: what the client had to send piled up past its bound. */
	SEND_STALLED,

	/** The application asked for fresh connections. */
	REQUESTED;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/**
	 * @return the lower-case name, such as {@code server_reconnect}, for metric tags and
	 * counters
	 */
	public String tagValue() {
		return this.tag;
	}

}
