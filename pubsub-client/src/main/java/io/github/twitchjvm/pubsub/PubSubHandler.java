package io.github.twitchjvm.pubsub;

import java.util.UUID;

/**
 * Receives the messages of one subscription, in order, on the client's dispatch executor
 * (never on a socket's reading thread). An exception is logged and counted; delivery goes
 * on with the next message.
 *
 * @param <T> the typed payload of the topic family, or
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage} for undocumented topics
 */
@FunctionalInterface
public interface PubSubHandler<T> {

	/**
	 * Handles one message.
	 * @param subscription the subscription's id, as the {@code listen*} method returned
	 * it
	 * @param payload the message
	 * @throws Exception anything; it is logged and counted, never fatal
	 */
	void handle(UUID subscription, T payload) throws Exception;

}
