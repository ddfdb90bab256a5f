package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.List;

import io.github.twitchjvm.annotation.ListenerMethodDiscovery;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds {@link TwitchTopic} methods on beans (looking through proxies) and registers them
 * with the {@link TwitchTopicListenerRegistry} once all singletons exist, so that
 * placeholders, expressions and error handlers can refer to any bean. Beans created
 * later, such as lazy ones, register as they are created.
 */
public class TwitchTopicAnnotationBeanPostProcessor extends ListenerMethodDiscovery<TwitchTopic> {

	/**
	 * Creates the post-processor.
	 */
	public TwitchTopicAnnotationBeanPostProcessor() {
		super(TwitchTopic.class, TwitchTopics.class);
	}

	@Override
	protected RuntimeException notSingleton(Method method, String beanName) {
		return ListenerProblem.of(method,
				"is on bean '" + beanName + "', which is not a singleton: every instance would listen again.",
				"Declare @TwitchTopic methods on singleton beans (a scoped proxy of a scoped bean is fine).");
	}

	/**
	 * Whether a class declares {@link TwitchTopic} methods, for the lazy-initialisation
	 * filter: such beans must be created at startup, or they would never listen.
	 * @param type a bean's type
	 * @return {@code true} if it has {@code @TwitchTopic} methods
	 */
	public static boolean hasListeners(Class<?> type) {
		return hasListeners(type, TwitchTopic.class, TwitchTopics.class);
	}

	@Override
	protected void register(ConfigurableListableBeanFactory beanFactory, List<Found<TwitchTopic>> found) {
		TwitchTopicListenerRegistry registry;
		try {
			registry = beanFactory.getBean(TwitchTopicListenerRegistry.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			if ("eventsub".equalsIgnoreCase(beanFactory.resolveEmbeddedValue("${twitch.pubsub.transport:pubsub}"))) {
				throw ListenerProblem.of(found.get(0).method(),
						"rides on EventSub (twitch.pubsub.transport=eventsub), whose client is not configured.",
						"Set twitch.eventsub.client-id (your application's client id) and a token, or declare an "
								+ "EventSubConnectionDetails bean; twitch.eventsub.enabled must not be false.");
			}
			throw ListenerProblem.of(found.get(0).method(), "needs a PubSub client, which is not configured.",
					"Set twitch.pubsub.access-token (and twitch.pubsub.user-id), or declare a TwitchTokenProvider "
							+ "bean; or set twitch.pubsub.transport=eventsub to run @TwitchTopic listeners over "
							+ "EventSub (twitch.eventsub.*); twitch.pubsub.enabled must not be false.");
		}
		List<TwitchTopicEndpoint> endpoints = found.stream()
			.map((method) -> TwitchTopicEndpoint.resolve(beanFactory, method.bean(), method.beanName(), method.method(),
					method.annotations(), registry.observations(), registry.defaultUserId()))
			.toList();
		registry.register(endpoints);
	}

}
