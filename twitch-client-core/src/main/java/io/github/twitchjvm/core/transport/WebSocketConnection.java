package io.github.twitchjvm.core.transport;

import java.util.concurrent.CompletableFuture;

/**
 * An open WebSocket connection, as a {@link WebSocketTransport} hands it out. No method
 * blocks.
 */
public interface WebSocketConnection {

	/**
	 * Sends a text message. Callers send one message at a time and wait for its future
	 * before the next ({@link OutboundQueue} does that for them).
	 * @param text the message
	 * @return completes once the message was handed to the network, or exceptionally when
	 * sending failed
	 */
	CompletableFuture<Void> sendText(String text);

	/**
	 * Sends a close frame and lets the connection go; the listener may or may not hear of
	 * the end.
	 * @param code the close code, such as {@link CloseCodes#NORMAL}
	 * @param reason the close reason, possibly empty
	 */
	void close(int code, String reason);

	/**
	 * Stops asking the server for messages: within a few messages the listener hears no
	 * more until {@link #resumeReading()}, and the server buffers (or, beyond its limits,
	 * closes the connection). Any thread may call it; pausing a paused connection does
	 * nothing.
	 */
	void pauseReading();

	/**
	 * Reads again after {@link #pauseReading()}; any thread may call it.
	 */
	void resumeReading();

	/**
	 * Drops the connection at once, without a close frame; the listener may or may not
	 * hear of the end.
	 */
	void abort();

}
