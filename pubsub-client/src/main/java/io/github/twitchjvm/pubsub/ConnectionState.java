package io.github.twitchjvm.pubsub;

/** Where one of the client's sockets stands. */
public enum ConnectionState {

	/** Opening the WebSocket. */
	CONNECTING,

	/** Open; PINGs flow. */
	OPEN,

	/** Lost; waiting for the next reconnect attempt (with backoff). */
	RECONNECTING,

	/** Closed on purpose: emptied, replaced after a RECONNECT, or the client stopped. */
	CLOSED

}
