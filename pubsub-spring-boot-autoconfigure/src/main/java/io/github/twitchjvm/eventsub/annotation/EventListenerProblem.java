package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;

/**
 * Builds the startup failure for a {@link TwitchEvent} method, naming it the way a stack
 * trace would.
 */
final class EventListenerProblem {

	private EventListenerProblem() {
	}

	static EventSubConfigurationException of(Method method, String problem, String action) {
		return new EventSubConfigurationException(
				"@TwitchEvent method " + ListenerMethods.describe(method) + " " + problem, action);
	}

}
