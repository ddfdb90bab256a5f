package io.github.twitchjvm.eventsub;

/**
 * Receives a subscription's notifications, one at a time and in the order they arrived,
 * on the client's dispatch threads.
 */
@FunctionalInterface
public interface EventSubHandler {

	/**
	 * Handles one notification.
	 * @param subscription the subscription it arrived for
	 * @param notification the notification
	 * @throws Exception any failure: logged (rate-limited) and counted, and the next
	 * notification is delivered
	 */
	void handle(EventSubSubscription subscription, EventSubNotification notification) throws Exception;

}
