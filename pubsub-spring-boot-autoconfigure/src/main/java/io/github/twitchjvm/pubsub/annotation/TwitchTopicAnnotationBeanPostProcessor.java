package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;

/**
 * Finds {@link TwitchTopic} methods on beans (looking through proxies) and registers them
 * with the {@link TwitchTopicListenerRegistry} once all singletons exist, so that
 * placeholders, expressions and error handlers can refer to any bean. Beans created
 * later, such as lazy ones, register as they are created.
 */
public class TwitchTopicAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	/** A method found before the singletons were ready. */
	private record Found(Object bean, String beanName, Method method, Set<TwitchTopic> annotations) {
	}

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	private final List<Found> waiting = new ArrayList<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile boolean singletonsReady;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// The target behind a scoped proxy: the proxy, a singleton, is the one that
		// listens.
		if (bean instanceof AopInfrastructureBean || ScopedProxyUtils.isScopedTarget(beanName)) {
			return bean;
		}
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (this.classesWithoutListeners.contains(targetClass)
				|| !AnnotationUtils.isCandidateClass(targetClass, List.of(TwitchTopic.class, TwitchTopics.class))) {
			return bean;
		}
		Map<Method, Set<TwitchTopic>> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Set<TwitchTopic>>) (method) -> {
					Set<TwitchTopic> annotations = AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
							TwitchTopic.class, TwitchTopics.class);
					return annotations.isEmpty() ? null : annotations;
				});
		if (methods.isEmpty()) {
			this.classesWithoutListeners.add(targetClass);
			return bean;
		}
		requireSingleton(beanName, methods.keySet().iterator().next());
		List<Found> found = new ArrayList<>();
		methods.forEach((method, annotations) -> found.add(new Found(bean, beanName, method, annotations)));
		synchronized (this.waiting) {
			if (!this.singletonsReady) {
				this.waiting.addAll(found);
				return bean;
			}
		}
		register(found);
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Found> found;
		synchronized (this.waiting) {
			this.singletonsReady = true;
			found = List.copyOf(this.waiting);
			this.waiting.clear();
		}
		register(found);
	}

	/**
	 * Each instance of a prototype would subscribe again, and nothing would ever
	 * unsubscribe it: listeners live as long as the application, so their beans must too.
	 */
	private void requireSingleton(String beanName, Method method) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory != null && factory.containsBeanDefinition(beanName)
				&& !factory.getMergedBeanDefinition(beanName).isSingleton()) {
			throw ListenerProblem.of(method,
					"is on bean '" + beanName + "', which is not a singleton: every instance would listen again.",
					"Declare @TwitchTopic methods on singleton beans (a scoped proxy of a scoped bean is fine).");
		}
	}

	/**
	 * Whether a class declares {@link TwitchTopic} methods, for the lazy-initialisation
	 * filter: such beans must be created at startup, or they would never listen.
	 * @param type a bean's type
	 * @return {@code true} if it has {@code @TwitchTopic} methods
	 */
	public static boolean hasListeners(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, List.of(TwitchTopic.class, TwitchTopics.class))) {
			return false;
		}
		return !MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Boolean>) (method) -> {
			Set<TwitchTopic> annotations = AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
					TwitchTopic.class, TwitchTopics.class);
			return annotations.isEmpty() ? null : Boolean.TRUE;
		}).isEmpty();
	}

	private void register(List<Found> found) {
		if (found.isEmpty()) {
			return;
		}
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No bean factory");
		TwitchTopicListenerRegistry registry = factory.getBean(TwitchTopicListenerRegistry.class);
		List<TwitchTopicEndpoint> endpoints = found.stream()
			.map((method) -> TwitchTopicEndpoint.resolve(factory, method.bean(), method.beanName(), method.method(),
					method.annotations(), registry.observations(), registry.defaultUserId()))
			.toList();
		registry.register(endpoints);
	}

}
