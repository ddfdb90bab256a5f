package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;

/**
 * Builds the startup failure for a {@link TwitchTopic} method, naming it the way a stack
 * trace would.
 */
final class ListenerProblem {

	private ListenerProblem() {
	}

	static PubSubConfigurationException of(Method method, String problem, String action) {
		return new PubSubConfigurationException("@TwitchTopic method " + describe(method) + " " + problem, action);
	}

	static String describe(Method method) {
		return ListenerMethods.describe(method);
	}

}
