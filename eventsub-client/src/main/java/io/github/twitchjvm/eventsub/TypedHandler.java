package io.github.twitchjvm.eventsub;

import io.github.twitchjvm.core.dispatch.PayloadDecodingException;
import io.github.twitchjvm.eventsub.event.EventSubEvent;

/**
 * Adapts a typed {@link EventHandler} to the raw {@link EventSubHandler}: decodes the
 * event on the dispatch thread, where a handler runs anyway, and only once per
 * notification.
 */
final class TypedHandler {

	private TypedHandler() {
	}

	static <E extends EventSubEvent> EventSubHandler of(Class<E> eventType, EventHandler<E> handler) {
		return (subscription, notification) -> {
			EventSubEvent event = notification.event();
			if (!eventType.isInstance(event)) {
				// Twitch sent another type or version on this subscription: counted as
				// a decoding error.
				throw new PayloadDecodingException(
						"expected " + eventType.getSimpleName() + " for " + notification.type() + "@"
								+ notification.version() + ", decoded " + event.getClass().getSimpleName(),
						null);
			}
			handler.handle(eventType.cast(event), notification);
		};
	}

}
