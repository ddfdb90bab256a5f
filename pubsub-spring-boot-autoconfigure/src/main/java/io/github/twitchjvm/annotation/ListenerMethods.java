package io.github.twitchjvm.annotation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Names a listener method in startup reports the way a stack trace would.
 */
public final class ListenerMethods {

	private ListenerMethods() {
	}

	/**
	 * Describes a method.
	 * @param method the method
	 * @return for example {@code com.example.Bot.onCheer(ChannelCheerEvent)}
	 */
	public static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	/**
	 * The method to call on a bean, possibly a proxy, so that its advice applies.
	 * @param bean the bean
	 * @param method the annotated method of the bean's target class
	 * @return the method, accessible
	 * @throws IllegalStateException if the proxy does not expose it, with the reason
	 */
	public static Method invocable(Object bean, Method method) {
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return invocable;
	}

}
