package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.List;

import io.github.twitchjvm.annotation.ListenerMethodDiscovery;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds {@link TwitchEvent} methods on beans (looking through proxies) and registers them
 * with the {@link TwitchEventListenerRegistry} once all singletons exist. Without an
 * EventSub client (no client id configured) a {@code @TwitchEvent} method fails the
 * startup with a report that says what to configure.
 */
public class TwitchEventAnnotationBeanPostProcessor extends ListenerMethodDiscovery<TwitchEvent> {

	/**
	 * Creates the post-processor.
	 */
	public TwitchEventAnnotationBeanPostProcessor() {
		super(TwitchEvent.class, TwitchEvents.class);
	}

	@Override
	protected RuntimeException notSingleton(Method method, String beanName) {
		return EventListenerProblem.of(method,
				"is on bean '" + beanName + "', which is not a singleton: every instance would subscribe again.",
				"Declare @TwitchEvent methods on singleton beans (a scoped proxy of a scoped bean is fine).");
	}

	/**
	 * Whether a class declares {@link TwitchEvent} methods, for the lazy-initialisation
	 * filter: such beans must be created at startup, or they would never subscribe.
	 * @param type a bean's type
	 * @return {@code true} if it has {@code @TwitchEvent} methods
	 */
	public static boolean hasListeners(Class<?> type) {
		return hasListeners(type, TwitchEvent.class, TwitchEvents.class);
	}

	@Override
	protected void register(ConfigurableListableBeanFactory beanFactory, List<Found<TwitchEvent>> found) {
		TwitchEventListenerRegistry registry;
		try {
			registry = beanFactory.getBean(TwitchEventListenerRegistry.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw EventListenerProblem.of(found.get(0).method(), "needs the EventSub client, which is not configured.",
					"Set twitch.eventsub.client-id (your application's client id) and a token "
							+ "(twitch.eventsub.access-token or a TwitchTokenProvider bean), or declare an "
							+ "EventSubConnectionDetails bean; twitch.eventsub.enabled must not be false.");
		}
		List<TwitchEventEndpoint> endpoints = found.stream()
			.map((method) -> TwitchEventEndpoint.resolve(beanFactory, method.bean(), method.beanName(), method.method(),
					method.annotations(), registry.observations(), registry.defaultUserId()))
			.toList();
		registry.register(endpoints);
	}

}
