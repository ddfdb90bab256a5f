package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.StringUtils;

/**
 * One {@link TwitchTopic} method, resolved: its topics and the handler that invokes it.
 *
 * @param listener what was resolved, for the application and the actuator
 * @param invoker the handler given to the client
 */
record TwitchTopicEndpoint(TwitchTopicListener listener, TwitchTopicInvoker invoker) {

	/**
	 * Resolves the annotations of a method found on a bean.
	 * @param bean the bean, possibly a proxy: the method is invoked on it so that its
	 * advice applies
	 * @param method the annotated method of the bean's target class
	 * @param defaultUserId the id of ids left out, or {@code null}
	 */
	static TwitchTopicEndpoint resolve(ConfigurableListableBeanFactory beanFactory, Object bean, String beanName,
			Method method, Set<TwitchTopic> annotations, ObservationRegistry observations,
			@Nullable String defaultUserId) {
		TopicResolver resolver = new TopicResolver(beanFactory, defaultUserId);
		List<Topic> topics = new ArrayList<>();
		String id = null;
		String errorHandlerName = null;
		for (TwitchTopic annotation : annotations) {
			resolver.topics(method, annotation)
				.stream()
				.filter((topic) -> !topics.contains(topic))
				.forEach(topics::add);
			id = same(method, "id", id, resolver.resolveOne(method, annotation.id()));
			errorHandlerName = same(method, "errorHandler", errorHandlerName,
					resolver.resolveOne(method, annotation.errorHandler()));
		}
		HandlerArguments arguments = HandlerArguments.of(method, topics);
		Method invocable = invocable(bean, method);
		String listenerId = (id != null) ? id : beanName + "#" + method.getName();
		TwitchTopicErrorHandler errorHandler = (errorHandlerName != null)
				? errorHandler(beanFactory, method, errorHandlerName) : null;
		return new TwitchTopicEndpoint(new TwitchTopicListener(listenerId, beanName, method, topics),
				new TwitchTopicInvoker(listenerId, bean, invocable, arguments, errorHandler, observations));
	}

	/**
	 * An attribute of repeated annotations: set on one of them, or set alike on several.
	 */
	private static @Nullable String same(Method method, String attribute, @Nullable String current, String candidate) {
		if (!StringUtils.hasText(candidate)) {
			return current;
		}
		if (current != null && !current.equals(candidate)) {
			throw ListenerProblem.of(method,
					"sets " + attribute + " to both '" + current + "' and '" + candidate + "'.",
					"Set " + attribute + " once: it belongs to the method, not to one of its topics.");
		}
		return candidate;
	}

	private static Method invocable(Object bean, Method method) {
		try {
			return ListenerMethods.invocable(bean, method);
		}
		catch (IllegalStateException ex) {
			throw ListenerProblem.of(method, "cannot be called through the bean's proxy: " + ex.getMessage(),
					"Make the method public, or declare it on an interface the proxy implements.");
		}
	}

	private static TwitchTopicErrorHandler errorHandler(ConfigurableListableBeanFactory beanFactory, Method method,
			String name) {
		try {
			return beanFactory.getBean(name, TwitchTopicErrorHandler.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw ListenerProblem.of(method,
					"names the error handler '" + name + "', but there is no "
							+ TwitchTopicErrorHandler.class.getSimpleName() + " bean of that name.",
					"Declare a TwitchTopicErrorHandler bean named '" + name + "', or correct errorHandler.");
		}
		catch (BeanNotOfRequiredTypeException ex) {
			throw ListenerProblem.of(method,
					"names the error handler '" + name + "', which is a " + ex.getActualType().getName() + ", not a "
							+ TwitchTopicErrorHandler.class.getSimpleName() + ".",
					"Make bean '" + name + "' implement TwitchTopicErrorHandler, or name another bean.");
		}
	}

}
