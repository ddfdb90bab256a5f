package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.github.twitchjvm.annotation.ObservedInvocation;
import io.github.twitchjvm.eventsub.EventSubHandler;
import io.github.twitchjvm.eventsub.EventSubNotification;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Calls a {@link TwitchEvent} method for each notification of its subscriptions: decodes
 * the event when a parameter wants it, skips events of other types, and hands failures to
 * the listener's error handler or back to the client, which logs and counts them.
 */
final class TwitchEventInvoker implements EventSubHandler {

	/** The observation of each call, a timer of that name under Micrometer. */
	static final String OBSERVATION = "twitch.eventsub.listener";

	private final String id;

	private final Object bean;

	private final Method method;

	private final EventHandlerArguments arguments;

	private final @Nullable TwitchEventErrorHandler errorHandler;

	private final ObservationRegistry observations;

	TwitchEventInvoker(String id, Object bean, Method method, EventHandlerArguments arguments,
			@Nullable TwitchEventErrorHandler errorHandler, ObservationRegistry observations) {
		this.id = id;
		this.bean = bean;
		this.method = method;
		this.arguments = arguments;
		this.errorHandler = errorHandler;
		this.observations = observations;
	}

	@Override
	public void handle(EventSubSubscription subscription, EventSubNotification notification) throws Exception {
		Class<? extends EventSubEvent> eventType = this.arguments.eventType();
		EventSubEvent event = null;
		if (eventType != null) {
			// A decoding failure goes to the client, which counts it as a dropped
			// notification, not a handler error.
			event = notification.event();
			if (!eventType.isInstance(event)) {
				return;
			}
		}
		Object[] values = this.arguments.resolve(subscription, notification, event);
		ObservedInvocation.observe(this.observations, OBSERVATION, this.id, "subscription.type", notification.type(),
				() -> invoke(values, notification));
	}

	/**
	 * @return whether the method returned normally (its failure may have gone to the
	 * error handler)
	 */
	private boolean invoke(Object[] values, EventSubNotification notification) throws Exception {
		try {
			this.method.invoke(this.bean, values);
			return true;
		}
		catch (InvocationTargetException ex) {
			failed(ex.getTargetException(), notification);
			return false;
		}
	}

	private void failed(Throwable failure, EventSubNotification notification) throws Exception {
		if (this.errorHandler != null) {
			this.errorHandler.handleError(failure, notification, this.id);
			return;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		// The client logs (rate-limited) and counts what a handler throws: the listener's
		// id tells which method.
		throw new ListenerFailedException("@TwitchEvent listener " + this.id + " failed on " + notification.type() + " "
				+ notification.messageId(), failure);
	}

	/** What a listener threw, named after the listener. */
	static final class ListenerFailedException extends RuntimeException {

		ListenerFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	@Override
	public String toString() {
		return "@TwitchEvent " + this.id;
	}

}
