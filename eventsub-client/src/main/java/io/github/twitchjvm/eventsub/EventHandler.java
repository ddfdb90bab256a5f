package io.github.twitchjvm.eventsub;

import io.github.twitchjvm.eventsub.event.EventSubEvent;

/**
 * Receives a subscription's typed events, one at a time and in the order they arrived, on
 * the client's dispatch threads.
 *
 * @param <E> the event type, such as
 * {@link io.github.twitchjvm.eventsub.event.ChannelCheerEvent}
 */
@FunctionalInterface
public interface EventHandler<E extends EventSubEvent> {

	/**
	 * Handles one event.
	 * @param event the typed event
	 * @param notification its envelope: message id, timestamps, subscription
	 * @throws Exception any failure: logged (rate-limited) and counted, and the next
	 * event is delivered
	 */
	void handle(E event, EventSubNotification notification) throws Exception;

}
