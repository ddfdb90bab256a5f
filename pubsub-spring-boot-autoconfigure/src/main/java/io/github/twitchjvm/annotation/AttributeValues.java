package io.github.twitchjvm.annotation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * Resolves the attributes of a listener annotation ({@code @TwitchTopic},
 * {@code @TwitchEvent}) once at startup: {@code ${...}} placeholders, then {@code #{...}}
 * expressions, which may give several values (an array or a collection). Empty values
 * vanish.
 */
public final class AttributeValues {

	private final ConfigurableBeanFactory beanFactory;

	private final @Nullable BeanExpressionResolver expressions;

	private final BeanExpressionContext context;

	/**
	 * Creates a resolver.
	 * @param beanFactory the factory whose placeholders and expression resolver apply
	 */
	public AttributeValues(ConfigurableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		this.expressions = beanFactory.getBeanExpressionResolver();
		this.context = new BeanExpressionContext(beanFactory, null);
	}

	/**
	 * Resolves every value.
	 * @param values the attribute's values
	 * @return what they resolve to, in order, without empty ones
	 * @throws IllegalArgumentException if a placeholder has no value or an expression
	 * fails, with the reason
	 */
	public List<String> resolve(String... values) {
		List<String> resolved = new ArrayList<>();
		for (String value : values) {
			String text = this.beanFactory.resolveEmbeddedValue(value);
			if (text != null && text.contains("${")) {
				// A context without a strict placeholder configurer leaves unknown
				// placeholders as they are.
				throw new IllegalArgumentException("a placeholder has no value");
			}
			Object evaluated = (this.expressions != null && text != null)
					? this.expressions.evaluate(text, this.context) : text;
			flatten(evaluated, resolved);
		}
		return resolved;
	}

	private static void flatten(@Nullable Object value, List<String> into) {
		if (value == null) {
			return;
		}
		if (value instanceof Object[] array) {
			Arrays.stream(array).forEach((element) -> flatten(element, into));
		}
		else if (value instanceof Iterable<?> iterable) {
			iterable.forEach((element) -> flatten(element, into));
		}
		else {
			String text = value.toString().trim();
			if (!text.isEmpty()) {
				into.add(text);
			}
		}
	}

}
