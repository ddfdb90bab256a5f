package io.github.twitchjvm.eventsub.autoconfigure;

import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubClientBuilder;
import io.github.twitchjvm.eventsub.actuate.EventSubActivity;
import io.github.twitchjvm.eventsub.annotation.EventSubscriptionPlan;
import io.github.twitchjvm.eventsub.annotation.TwitchEventListenerRegistry;
import io.github.twitchjvm.pubsub.autoconfigure.ClientBeans;
import io.github.twitchjvm.pubsub.autoconfigure.ListenerObservations;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.TwitchDispatchExecutor;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the Twitch EventSub client: an {@link EventSubClient} bean from
 * {@code twitch.eventsub.*}, started and stopped with the context, and session and
 * subscription changes as application events. It applies when EventSub is asked for: a
 * client id is set ({@code twitch.eventsub.client-id}), the application declares
 * {@link EventSubConnectionDetails}, or {@code twitch.pubsub.transport=eventsub} runs the
 * PubSub listeners over EventSub. The client shares the PubSub client's
 * {@link TwitchTokenProvider} bean, {@link WebSocketTransport} bean and
 * {@link TwitchDispatchExecutor @TwitchDispatchExecutor} executor.
 */
@AutoConfiguration(after = { TaskExecutionAutoConfiguration.class, PubSubAutoConfiguration.class })
@ConditionalOnClass(EventSubClient.class)
@ConditionalOnBooleanProperty(name = "twitch.eventsub.enabled", matchIfMissing = true)
@Conditional(EventSubAutoConfiguration.EventSubWanted.class)
@EnableConfigurationProperties(EventSubProperties.class)
public final class EventSubAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(EventSubConnectionDetails.class)
	PropertiesEventSubConnectionDetails twitchEventSubConnectionDetails(EventSubProperties properties,
			Environment environment) {
		return new PropertiesEventSubConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	EventSubEventPublisher twitchEventSubEventPublisher(ApplicationEventPublisher events) {
		return new EventSubEventPublisher(events);
	}

	@Bean
	@ConditionalOnMissingBean
	EventSubActivity twitchEventSubActivity() {
		return new EventSubActivity();
	}

	/**
	 * The activity (notifications per subscription, for the endpoint and the health)
	 * counts what the auto-configured client reports.
	 */
	@Bean
	EventSubClientBuilderCustomizer twitchEventSubActivityListener(EventSubActivity activity) {
		return (builder) -> builder.listener(activity);
	}

	@Bean
	@ConditionalOnMissingBean
	EventSubClient twitchEventSubClient(EventSubProperties properties, EventSubConnectionDetails connectionDetails,
			ObjectProvider<TwitchTokenProvider> tokenProviders, ObjectProvider<WebSocketTransport> transports,
			@TwitchDispatchExecutor ObjectProvider<Executor> dispatchExecutor,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor,
			ObjectProvider<EventSubClientBuilderCustomizer> customizers, EventSubEventPublisher events) {
		EventSubClientBuilder builder = EventSubClient.builder();
		properties.applyTo(builder);
		builder.uri(connectionDetails.url());
		builder.helixUri(connectionDetails.helixUrl());
		builder.clientId(connectionDetails.clientId());
		builder.tokenProvider(tokenProvider(tokenProviders, connectionDetails));
		Executor executor = ClientBeans.dispatchExecutor(properties.getDispatch().getExecutor(), dispatchExecutor,
				applicationTaskExecutor);
		if (executor != null) {
			builder.dispatchExecutor(executor);
		}
		WebSocketTransport transport = ClientBeans.unique(transports, WebSocketTransport.class);
		if (transport != null) {
			builder.transport(transport);
		}
		builder.listener(events);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		EventSubClient client = build(builder);
		events.publishFor(client);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(EventSubClient.class)
	EventSubLifecycle twitchEventSubLifecycle(EventSubClient client, EventSubProperties properties) {
		return new EventSubLifecycle(client, properties.isAutoStartup());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(EventSubClient.class)
	EventSubscriptionPlan twitchEventSubscriptionPlan(EventSubProperties properties,
			EventSubConnectionDetails connectionDetails, ObjectProvider<TwitchTokenProvider> tokenProviders) {
		return new EventSubscriptionPlan(ClientBeans.tokenProvider(tokenProviders, connectionDetails::tokenProvider),
				properties.getMaxSessions() * properties.getSubscriptionsPerSession());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(EventSubClient.class)
	TwitchEventListenerRegistry twitchEventListenerRegistry(EventSubClient client,
			EventSubConnectionDetails connectionDetails, EventSubscriptionPlan plan,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<ListenerObservations> timers) {
		ObservationRegistry observations = observationRegistry.getIfUnique(
				() -> timers.getIfAvailable(() -> new ListenerObservations(ObservationRegistry.NOOP)).registry());
		return new TwitchEventListenerRegistry(client, observations, connectionDetails.userId(), plan);
	}

	/**
	 * The properties were checked when bound; what is left to fail here came from an
	 * {@link EventSubConnectionDetails} bean or a customizer, and is reported as such.
	 */
	private static EventSubClient build(EventSubClientBuilder builder) {
		try {
			return builder.build();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new EventSubConfigurationException("The Twitch EventSub client cannot be built: " + ex.getMessage(),
					"Fix what the EventSubConnectionDetails bean or an EventSubClientBuilderCustomizer sets.");
		}
	}

	/**
	 * A {@link TwitchTokenProvider} bean wins over the connection details, so OAuth
	 * integrations supply one for both protocols.
	 */
	private static TwitchTokenProvider tokenProvider(ObjectProvider<TwitchTokenProvider> tokenProviders,
			EventSubConnectionDetails connectionDetails) {
		TwitchTokenProvider provider = ClientBeans.tokenProvider(tokenProviders, connectionDetails::tokenProvider);
		if (provider == null) {
			throw new EventSubConfigurationException(
					"Twitch EventSub has no access token: Helix creates WebSocket subscriptions only with a user's "
							+ "token.",
					"Set twitch.eventsub.access-token (or twitch.pubsub.access-token) and the token's user in "
							+ "twitch.eventsub.user-id, or declare a TwitchTokenProvider bean.");
		}
		return provider;
	}

	/**
	 * EventSub is asked for: a client id, connection details of the application's own, or
	 * the PubSub listeners moved onto EventSub.
	 */
	static final class EventSubWanted extends AnyNestedCondition {

		EventSubWanted() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(ClientIdSet.class)
		static final class ClientIdGiven {

		}

		@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "eventsub")
		static final class PubSubOverEventSub {

		}

		@ConditionalOnBean(EventSubConnectionDetails.class)
		static final class ConnectionDetailsDeclared {

		}

	}

	/**
	 * {@code twitch.eventsub.client-id} holds text: an application that writes
	 * {@code client-id: ${TWITCH_CLIENT_ID:}} and runs without the variable wants no
	 * EventSub.
	 */
	static final class ClientIdSet extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(EventSubProperties.PREFIX + ".client-id"))
					? ConditionOutcome.match("twitch.eventsub.client-id is set")
					: ConditionOutcome.noMatch("twitch.eventsub.client-id is empty or not set");
		}

	}

}
