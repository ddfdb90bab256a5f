package io.github.twitchjvm.annotation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

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

}
