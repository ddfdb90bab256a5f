package io.github.twitchjvm.pubsub.connection;

import io.github.twitchjvm.pubsub.protocol.InboundFrame;

/**
 * Where a socket hands its MESSAGE frames: a lookup of the topic's route, on the socket's
 * reading thread, without going through the engine's loop. Implementations must never
 * block.
 */
@FunctionalInterface
public interface MessageRoutes {

	/**
	 * Delivers one MESSAGE frame.
	 * @param from the socket it came on (which decides, during a handover, whether it
	 * counts)
	 * @param message the frame
	 */
	void deliver(PubSubSocket from, InboundFrame.Message message);

}
