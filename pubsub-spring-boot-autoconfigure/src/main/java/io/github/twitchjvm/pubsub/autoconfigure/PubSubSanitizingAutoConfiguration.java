package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.actuate.PubSubSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Keeps the starter's tokens and secrets out of the {@code env} and {@code configprops}
 * endpoints, when Spring Boot's actuator is present. Not tied to
 * {@code twitch.pubsub.enabled}: a disabled client's token is still in the environment.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class PubSubSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PubSubSanitizingFunction twitchPubSubSanitizingFunction(Environment environment) {
		return new PubSubSanitizingFunction(environment);
	}

}
