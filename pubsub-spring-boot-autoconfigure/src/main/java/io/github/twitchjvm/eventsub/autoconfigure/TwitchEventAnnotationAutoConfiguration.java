package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.annotation.TwitchEventAnnotationBeanPostProcessor;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Finds {@code @TwitchEvent} methods, whether or not EventSub is configured: without it,
 * such a method fails the startup with a report that says what to set, rather than never
 * being called.
 */
@AutoConfiguration(after = EventSubAutoConfiguration.class)
@ConditionalOnClass(EventSubClient.class)
public final class TwitchEventAnnotationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TwitchEventAnnotationBeanPostProcessor twitchEventAnnotationBeanPostProcessor() {
		return new TwitchEventAnnotationBeanPostProcessor();
	}

	/**
	 * Beans with {@code @TwitchEvent} methods are created at startup even under lazy
	 * initialisation.
	 */
	@Bean
	LazyInitializationExcludeFilter twitchEventLazyInitializationExcludeFilter() {
		return (beanName, beanDefinition, beanType) -> TwitchEventAnnotationBeanPostProcessor.hasListeners(beanType);
	}

}
