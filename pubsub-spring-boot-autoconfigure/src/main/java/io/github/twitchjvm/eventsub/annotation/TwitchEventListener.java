package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.List;

/**
 * A registered {@link TwitchEvent} method, as resolved at startup.
 *
 * @param id the listener's id, {@code beanName#methodName} unless the annotation set one
 * @param beanName the bean that declares the method
 * @param method the method
 * @param subscriptions every subscription it receives, placeholders and expressions
 * resolved
 */
public record TwitchEventListener(String id, String beanName, Method method, List<EventSubscriptionKey> subscriptions) {

	public TwitchEventListener {
		subscriptions = List.copyOf(subscriptions);
	}

}
