package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.InvalidSettingException;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubClientBuilder;
import io.github.twitchjvm.pubsub.actuate.PubSubActivity;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicAnnotationBeanPostProcessor;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * Auto-configuration of the Twitch PubSub client: a {@link PubSubClient} bean from
 * {@code twitch.pubsub.*}, started and stopped with the context, state changes as
 * application events, and {@code @TwitchTopic} methods registered as listeners. The
 * client connects with the JDK's own WebSocket unless the application declares a
 * {@link WebSocketTransport} bean or a
 * {@link TwitchWebSocketClient @TwitchWebSocketClient} Spring {@code WebSocketClient}: no
 * servlet container, no Spring WebSocket is needed. With
 * {@code twitch.pubsub.transport=eventsub} no PubSub client is built: the listeners ride
 * on EventSub instead.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@ConditionalOnClass(PubSubClient.class)
@ConditionalOnBooleanProperty(name = "twitch.pubsub.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PubSubProperties.class)
public final class PubSubAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PubSubConnectionDetails.class)
	PropertiesPubSubConnectionDetails twitchPubSubConnectionDetails(PubSubProperties properties,
			Environment environment) {
		return new PropertiesPubSubConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublishingListener twitchPubSubEventPublisher(ApplicationEventPublisher events) {
		return new EventPublishingListener(events);
	}

	@Bean
	@ConditionalOnMissingBean
	PubSubActivity twitchPubSubActivity() {
		return new PubSubActivity();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "pubsub", matchIfMissing = true)
	@Conditional(PubSubWanted.class)
	PubSubClient twitchPubSubClient(PubSubProperties properties, PubSubConnectionDetails connectionDetails,
			ObjectProvider<TwitchTokenProvider> tokenProviders, ObjectProvider<WebSocketTransport> transports,
			@TwitchDispatchExecutor ObjectProvider<Executor> dispatchExecutor,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor,
			ObjectProvider<PubSubClientBuilderCustomizer> customizers, EventPublishingListener events,
			PubSubActivity activity) {
		PubSubClientBuilder builder = PubSubClient.builder();
		properties.applyTo(builder);
		builder.uri(connectionDetails.url());
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
		builder.listener(activity);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		PubSubClient client = build(builder);
		events.publishFor(client);
		return client;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(PubSubClient.class)
	PubSubLifecycle twitchPubSubLifecycle(PubSubClient client, PubSubProperties properties) {
		return new PubSubLifecycle(client, properties.isAutoStartup());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(PubSubClient.class)
	@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "pubsub", matchIfMissing = true)
	TwitchTopicListenerRegistry twitchTopicListenerRegistry(PubSubClient client,
			PubSubConnectionDetails connectionDetails, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ListenerObservations> timers) {
		ObservationRegistry observations = observationRegistry.getIfUnique(
				() -> timers.getIfAvailable(() -> new ListenerObservations(ObservationRegistry.NOOP)).registry());
		return new TwitchTopicListenerRegistry(client, observations, connectionDetails.userId());
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TwitchTopicAnnotationBeanPostProcessor twitchTopicAnnotationBeanPostProcessor() {
		return new TwitchTopicAnnotationBeanPostProcessor();
	}

	/**
	 * Beans with {@code @TwitchTopic} methods are created at startup even under lazy
	 * initialisation.
	 */
	@Bean
	static LazyInitializationExcludeFilter twitchTopicLazyInitializationExcludeFilter() {
		return (beanName, beanDefinition, beanType) -> TwitchTopicAnnotationBeanPostProcessor.hasListeners(beanType);
	}

	/**
	 * The properties were checked when bound; what is left to fail here came from a
	 * {@link PubSubConnectionDetails} bean (its URL) or a customizer, and is reported as
	 * such rather than as a stack trace.
	 */
	private static PubSubClient build(PubSubClientBuilder builder) {
		try {
			return builder.build();
		}
		catch (InvalidSettingException ex) {
			throw new PubSubConfigurationException("The Twitch PubSub client cannot be built: " + ex.getMessage(),
					"Fix what the PubSubConnectionDetails bean or a PubSubClientBuilderCustomizer sets for "
							+ ex.setting().builderName() + ".");
		}
	}

	/**
	 * A {@link TwitchTokenProvider} bean wins over the connection details, so OAuth
	 * integrations can supply one.
	 */
	private static TwitchTokenProvider tokenProvider(ObjectProvider<TwitchTokenProvider> tokenProviders,
			PubSubConnectionDetails connectionDetails) {
		TwitchTokenProvider provider = ClientBeans.tokenProvider(tokenProviders, connectionDetails::tokenProvider);
		if (provider == null) {
			throw new PubSubConfigurationException(
					"Twitch PubSub has no access token: every documented topic needs one.",
					"Set twitch.pubsub.access-token (and twitch.pubsub.user-id, the token's user), or declare a "
							+ "TwitchTokenProvider bean, or set twitch.pubsub.enabled=false.");
		}
		return provider;
	}

	/**
	 * The client over Spring's WebSocket, when Spring WebSocket is on the class path and
	 * the application qualifies a {@code WebSocketClient} bean
	 * {@link TwitchWebSocketClient @TwitchWebSocketClient}. A {@link WebSocketTransport}
	 * bean of the application's own wins. The transport is a bean so that the context
	 * closes it (the client never closes a transport it was given); the application's
	 * client stays its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebSocketClient.class)
	static final class SpringWebSocketTransportConfiguration {

		@Bean
		@ConditionalOnMissingBean(WebSocketTransport.class)
		@ConditionalOnBean(annotation = TwitchWebSocketClient.class)
		SpringWebSocketTransport twitchPubSubWebSocketTransport(@TwitchWebSocketClient WebSocketClient client) {
			return SpringWebSocketTransport.of(client);
		}

	}

}
