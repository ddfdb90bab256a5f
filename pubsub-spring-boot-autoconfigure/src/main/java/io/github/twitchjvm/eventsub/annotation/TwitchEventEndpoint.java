package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * One {@link TwitchEvent} method, resolved: its subscriptions and the handler that
 * invokes it.
 *
 * @param listener what was resolved, for the application and the actuator
 * @param invoker the handler given to the client
 */
record TwitchEventEndpoint(TwitchEventListener listener, TwitchEventInvoker invoker) {

	/**
	 * Resolves the annotations of a method found on a bean.
	 * @param bean the bean, possibly a proxy: the method is invoked on it so that its
	 * advice applies
	 * @param method the annotated method of the bean's target class
	 * @param defaultUserId the user of conditions that leave one out, or {@code null}
	 */
	static TwitchEventEndpoint resolve(ConfigurableListableBeanFactory beanFactory, Object bean, String beanName,
			Method method, Set<TwitchEvent> annotations, ObservationRegistry observations,
			@Nullable String defaultUserId) {
		SubscriptionResolver resolver = new SubscriptionResolver(beanFactory, defaultUserId);
		List<EventSubscriptionKey> subscriptions = new ArrayList<>();
		String id = null;
		String errorHandlerName = null;
		for (TwitchEvent annotation : annotations) {
			resolver.subscriptions(method, annotation)
				.stream()
				.filter((key) -> !subscriptions.contains(key))
				.forEach(subscriptions::add);
			id = same(method, "id", id, resolver.one(method, "id", annotation.id()));
			errorHandlerName = same(method, "errorHandler", errorHandlerName,
					resolver.one(method, "errorHandler", annotation.errorHandler()));
		}
		EventHandlerArguments arguments = EventHandlerArguments.of(method, subscriptions);
		Method invocable;
		try {
			invocable = ListenerMethods.invocable(bean, method);
		}
		catch (IllegalStateException ex) {
			throw EventListenerProblem.of(method, "cannot be called through the bean's proxy: " + ex.getMessage(),
					"Make the method public, or declare it on an interface the proxy implements.");
		}
		String listenerId = (id != null) ? id : beanName + "#" + method.getName();
		TwitchEventErrorHandler errorHandler = (errorHandlerName != null)
				? errorHandler(beanFactory, method, errorHandlerName) : null;
		return new TwitchEventEndpoint(new TwitchEventListener(listenerId, beanName, method, subscriptions),
				new TwitchEventInvoker(listenerId, bean, invocable, arguments, errorHandler, observations));
	}

	/**
	 * An attribute of repeated annotations: set on one of them, or set alike on several.
	 */
	private static @Nullable String same(Method method, String attribute, @Nullable String current, String candidate) {
		if (candidate.isEmpty()) {
			return current;
		}
		if (current != null && !current.equals(candidate)) {
			throw EventListenerProblem.of(method,
					"sets " + attribute + " to both '" + current + "' and '" + candidate + "'.",
					"Set " + attribute + " once: it belongs to the method, not to one of its subscriptions.");
		}
		return candidate;
	}

	private static TwitchEventErrorHandler errorHandler(ConfigurableListableBeanFactory beanFactory, Method method,
			String name) {
		try {
			return beanFactory.getBean(name, TwitchEventErrorHandler.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw EventListenerProblem.of(method,
					"names the error handler '" + name
							+ "', but there is no TwitchEventErrorHandler bean of that name.",
					"Declare a TwitchEventErrorHandler bean named '" + name + "', or correct errorHandler.");
		}
		catch (BeanNotOfRequiredTypeException ex) {
			throw EventListenerProblem.of(method,
					"names the error handler '" + name + "', which is a " + ex.getActualType().getName()
							+ ", not a TwitchEventErrorHandler.",
					"Make bean '" + name + "' implement TwitchEventErrorHandler, or name another bean.");
		}
	}

}
