package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.Arrays;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Whether the application wants a PubSub client: always, unless it configured EventSub
 * ({@code twitch.eventsub.client-id}, or EventSub connection details of its own) and gave
 * PubSub nothing to connect with (an empty or no {@code twitch.pubsub.access-token}, no
 * {@link TwitchTokenProvider} bean, no {@link PubSubConnectionDetails} of its own). An
 * EventSub application then needs no {@code twitch.pubsub.enabled=false}, while an
 * application that configured nothing still learns at startup that PubSub has no token.
 */
final class PubSubWanted extends SpringBootCondition implements ConfigurationCondition {

	/**
	 * By name: the EventSub auto-configuration, which declares it, runs after this one
	 * and imports this package.
	 */
	private static final String EVENTSUB_CONNECTION_DETAILS_NAME = "io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		boolean eventSub = StringUtils.hasText(environment.getProperty("twitch.eventsub.client-id"))
				|| (beans != null && eventSubConnectionDetailsDeclared(beans, context.getClassLoader()));
		if (!eventSub) {
			return ConditionOutcome.match("EventSub is not configured: PubSub is the default");
		}
		if (StringUtils.hasText(environment.getProperty("twitch.pubsub.access-token"))) {
			return ConditionOutcome.match("twitch.pubsub.access-token is set");
		}
		if (beans != null) {
			if (beans.getBeanNamesForType(TwitchTokenProvider.class, true, false).length > 0) {
				return ConditionOutcome.match("a TwitchTokenProvider bean exists");
			}
			if (Arrays.stream(beans.getBeanNamesForType(PubSubConnectionDetails.class, true, false))
				.anyMatch((name) -> !name.equals("twitchPubSubConnectionDetails"))) {
				return ConditionOutcome.match("the application declares PubSubConnectionDetails");
			}
		}
		return ConditionOutcome.noMatch("EventSub is configured and PubSub has no token");
	}

	/**
	 * An application's own EventSub connection details (the EventSub auto-configuration's
	 * default is registered after this condition is evaluated).
	 */
	private static boolean eventSubConnectionDetailsDeclared(ConfigurableListableBeanFactory beans,
			@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(EVENTSUB_CONNECTION_DETAILS_NAME, classLoader)) {
			return false;
		}
		Class<?> type = ClassUtils.resolveClassName(EVENTSUB_CONNECTION_DETAILS_NAME, classLoader);
		return beans.getBeanNamesForType(type, true, false).length > 0;
	}

}
