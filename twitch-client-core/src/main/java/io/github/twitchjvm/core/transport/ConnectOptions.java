package io.github.twitchjvm.core.transport;

import java.time.Duration;

/**
 * Limits for one connection.
 *
 * @param maxMessageSize the largest text message delivered, in characters; larger ones
 * are skipped and reported through {@link WebSocketListener#onUnusableMessage(String)}
 * @param connectTimeout how long the whole opening (TCP, TLS and the WebSocket handshake,
 * together) may take; an attempt still unfinished then fails, and a connection that opens
 * after all is closed
 */
public record ConnectOptions(int maxMessageSize, Duration connectTimeout) {

	/**
	 * Checks the limits.
	 */
	public ConnectOptions {
		if (maxMessageSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be positive, was " + maxMessageSize);
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
		}
	}

}
