package io.github.twitchjvm.pubsub.annotation;

import io.github.twitchjvm.pubsub.message.PubSubMessage;

/**
 * Handles what a {@link TwitchTopic} method threw, when named by its
 * {@link TwitchTopic#errorHandler()}. Runs on the dispatch thread of the failed delivery;
 * the next message is delivered afterwards either way.
 */
@FunctionalInterface
public interface TwitchTopicErrorHandler {

	/**
	 * Handles a failure.
	 * @param exception what the method threw
	 * @param message the message it was given
	 * @param listenerId the listener's id
	 * @throws Exception to have the client log and count the failure as well
	 */
	void handleError(Throwable exception, PubSubMessage message, String listenerId) throws Exception;

}
