package io.github.twitchjvm.eventsub.annotation;

import io.github.twitchjvm.eventsub.EventSubNotification;

/**
 * Handles what a {@link TwitchEvent} method threw, when named by its
 * {@link TwitchEvent#errorHandler()}. Runs on the dispatch thread of the failed delivery;
 * the next notification is delivered afterwards either way.
 */
@FunctionalInterface
public interface TwitchEventErrorHandler {

	/**
	 * Handles a failure.
	 * @param exception what the method threw
	 * @param notification the notification it was given
	 * @param listenerId the listener's id
	 * @throws Exception to have the client log and count the failure as well
	 */
	void handleError(Throwable exception, EventSubNotification notification, String listenerId) throws Exception;

}
