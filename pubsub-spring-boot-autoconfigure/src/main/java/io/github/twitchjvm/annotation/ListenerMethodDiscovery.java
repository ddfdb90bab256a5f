package io.github.twitchjvm.annotation;

import java.lang.annotation.Annotation;
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
 * Finds the methods of beans (looking through proxies) that carry a repeatable listener
 * annotation, and hands them to {@link #register} once all singletons exist, so that
 * placeholders, expressions and error handlers can refer to any bean. Beans created
 * later, such as lazy ones, are handed over as they are created. Each protocol's
 * annotation has a subclass.
 *
 * @param <A> the listener annotation
 */
public abstract class ListenerMethodDiscovery<A extends Annotation>
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware, Ordered {

	/**
	 * A method found on a bean.
	 *
	 * @param <A> the listener annotation
	 * @param bean the bean, possibly a proxy
	 * @param beanName its name
	 * @param method the annotated method of the bean's target class
	 * @param annotations its annotations, repeated ones included
	 */
	public record Found<A extends Annotation>(Object bean, String beanName, Method method, Set<A> annotations) {
	}

	private final Class<A> annotation;

	private final Class<? extends Annotation> container;

	private final Set<Class<?>> classesWithoutListeners = ConcurrentHashMap.newKeySet();

	private final List<Found<A>> waiting = new ArrayList<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private volatile boolean singletonsReady;

	/**
	 * Creates a discovery of one annotation.
	 * @param annotation the annotation
	 * @param container its {@code @Repeatable} container
	 */
	protected ListenerMethodDiscovery(Class<A> annotation, Class<? extends Annotation> container) {
		this.annotation = annotation;
		this.container = container;
	}

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
				|| !AnnotationUtils.isCandidateClass(targetClass, List.of(this.annotation, this.container))) {
			return bean;
		}
		Map<Method, Set<A>> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Set<A>>) (method) -> {
					Set<A> annotations = AnnotatedElementUtils.findMergedRepeatableAnnotations(method, this.annotation,
							this.container);
					return annotations.isEmpty() ? null : annotations;
				});
		if (methods.isEmpty()) {
			this.classesWithoutListeners.add(targetClass);
			return bean;
		}
		requireSingleton(beanName, methods.keySet().iterator().next());
		List<Found<A>> found = new ArrayList<>();
		methods.forEach((method, annotations) -> found.add(new Found<>(bean, beanName, method, annotations)));
		synchronized (this.waiting) {
			if (!this.singletonsReady) {
				this.waiting.addAll(found);
				return bean;
			}
		}
		register(factory(), found);
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Found<A>> found;
		synchronized (this.waiting) {
			this.singletonsReady = true;
			found = List.copyOf(this.waiting);
			this.waiting.clear();
		}
		if (!found.isEmpty()) {
			register(factory(), found);
		}
	}

	private ConfigurableListableBeanFactory factory() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No bean factory");
		return factory;
	}

	/**
	 * Each instance of a prototype would subscribe again, and nothing would ever
	 * unsubscribe it: listeners live as long as the application, so their beans must too.
	 */
	private void requireSingleton(String beanName, Method method) {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		if (factory != null && factory.containsBeanDefinition(beanName)
				&& !factory.getMergedBeanDefinition(beanName).isSingleton()) {
			throw notSingleton(method, beanName);
		}
	}

	/**
	 * The startup failure for a listener method on a bean that is not a singleton.
	 * @param method the method
	 * @param beanName the bean
	 * @return the exception to throw
	 */
	protected abstract RuntimeException notSingleton(Method method, String beanName);

	/**
	 * Registers methods found, all at once after the singletons are ready, then one bean
	 * at a time.
	 * @param beanFactory the bean factory
	 * @param found the methods, never empty
	 */
	protected abstract void register(ConfigurableListableBeanFactory beanFactory, List<Found<A>> found);

	/**
	 * Whether a class declares methods with a listener annotation, for the
	 * lazy-initialisation filter: such beans must be created at startup, or they would
	 * never listen.
	 * @param type a bean's type
	 * @param annotation the annotation
	 * @param container its {@code @Repeatable} container
	 * @return {@code true} if it has such methods
	 */
	public static boolean hasListeners(Class<?> type, Class<? extends Annotation> annotation,
			Class<? extends Annotation> container) {
		if (!AnnotationUtils.isCandidateClass(type, List.of(annotation, container))) {
			return false;
		}
		return !MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Boolean>) (method) -> {
			Set<? extends Annotation> annotations = AnnotatedElementUtils.findMergedRepeatableAnnotations(method,
					annotation, container);
			return annotations.isEmpty() ? null : Boolean.TRUE;
		}).isEmpty();
	}

}
