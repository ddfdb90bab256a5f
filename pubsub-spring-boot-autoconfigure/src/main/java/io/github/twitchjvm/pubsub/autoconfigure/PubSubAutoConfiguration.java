package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.concurrent.Executor;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubActivity;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicAnnotationBeanPostProcessor;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.auth.TwitchTokenProvider;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.web.socket.client.WebSocketClient;

/**
 * Auto-configuration of the Twitch PubSub client: a {@link PubSubClient} bean from {@code twitch.pubsub.*},
 * started and stopped with the context, state changes as application events, and {@code @TwitchTopic} methods
 * registered as listeners.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@ConditionalOnClass({ PubSubClient.class, WebSocketClient.class })
@ConditionalOnBooleanProperty(name = "twitch.pubsub.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PubSubProperties.class)
public final class PubSubAutoConfiguration {

	/** The name of an {@link Executor} bean that, when present, runs every handler. */
	public static final String DISPATCH_EXECUTOR_BEAN_NAME = "twitchPubSubDispatchExecutor";

	/** The name of a {@link WebSocketClient} bean that, when present, is the client's transport. */
	public static final String WEB_SOCKET_CLIENT_BEAN_NAME = "twitchPubSubWebSocketClient";

	/** Boot's {@link TaskExecutionAutoConfiguration#APPLICATION_TASK_EXECUTOR_BEAN_NAME}. */
	private static final String APPLICATION_TASK_EXECUTOR_BEAN_NAME = "applicationTaskExecutor";

	@Bean
	@ConditionalOnMissingBean(PubSubConnectionDetails.class)
	PropertiesPubSubConnectionDetails twitchPubSubConnectionDetails(PubSubProperties properties) {
		return new PropertiesPubSubConnectionDetails(properties);
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
	PubSubClient twitchPubSubClient(PubSubProperties properties, PubSubConnectionDetails connectionDetails,
			ObjectProvider<TwitchTokenProvider> tokenProviders, ObjectProvider<PubSubClientBuilderCustomizer> customizers,
			EventPublishingListener events, PubSubActivity activity, BeanFactory beanFactory) {
		PubSubClient.Builder builder = PubSubClient.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(connectionDetails::url).to(builder::uri);
		builder.tokenProvider(tokenProvider(tokenProviders, connectionDetails));
		map.from(properties::getPingFrequency).to(builder::pingFrequency);
		map.from(properties::getPingJitter).to(builder::pingJitter);
		map.from(properties::getPongTimeout).to(builder::pongTimeout);
		map.from(properties::getListenConfirmTimeout).to(builder::listenConfirmTimeout);
		map.from(properties::getMaxTopicsPerConnection).to(builder::topicsPerConnection);
		map.from(properties::getMaxConnections).to(builder::maxConnections);
		PubSubProperties.Reconnect reconnect = properties.getReconnect();
		builder.reconnectBackoff(reconnect.getInitialDelay(), reconnect.getMaxDelay());
		map.from(reconnect::getStablePeriod).to(builder::stablePeriod);
		PubSubProperties.Dispatch dispatch = properties.getDispatch();
		map.from(dispatch::getQueueCapacity).to(builder::queueCapacity);
		map.from(dispatch::getDrainTimeout).to(builder::dispatchDrainTimeout);
		Executor executor = dispatchExecutor(dispatch.getExecutor(), beanFactory);
		if (executor != null) {
			builder.dispatchExecutor(executor);
		}
		if (beanFactory.containsBean(WEB_SOCKET_CLIENT_BEAN_NAME)) {
			builder.webSocketClient(beanFactory.getBean(WEB_SOCKET_CLIENT_BEAN_NAME, WebSocketClient.class));
		}
		builder.listener(events);
		builder.listener(activity);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		PubSubClient client = builder.build();
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
	TwitchTopicListenerRegistry twitchTopicListenerRegistry(PubSubClient client,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<ListenerObservations> timers) {
		ObservationRegistry observations = observationRegistry
			.getIfUnique(() -> timers.getIfAvailable(() -> new ListenerObservations(ObservationRegistry.NOOP)).registry());
		return new TwitchTopicListenerRegistry(client, observations);
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static TwitchTopicAnnotationBeanPostProcessor twitchTopicAnnotationBeanPostProcessor() {
		return new TwitchTopicAnnotationBeanPostProcessor();
	}

	/** Beans with {@code @TwitchTopic} methods are created at startup even under lazy initialisation. */
	@Bean
	static LazyInitializationExcludeFilter twitchTopicLazyInitializationExcludeFilter() {
		return (beanName, beanDefinition, beanType) -> TwitchTopicAnnotationBeanPostProcessor.hasListeners(beanType);
	}

	/** A {@link TwitchTokenProvider} bean wins over the connection details, so OAuth integrations can supply one. */
	private static TwitchTokenProvider tokenProvider(ObjectProvider<TwitchTokenProvider> tokenProviders,
			PubSubConnectionDetails connectionDetails) {
		TwitchTokenProvider provider = tokenProviders.getIfUnique();
		if (provider == null && tokenProviders.stream().findAny().isPresent()) {
			throw new PubSubConfigurationException("There are several TwitchTokenProvider beans and none is primary.",
					"Mark the one Twitch PubSub should use @Primary, or keep only one.");
		}
		if (provider == null) {
			provider = connectionDetails.tokenProvider();
		}
		if (provider == null) {
			throw new PubSubConfigurationException("Twitch PubSub has no access token: every documented topic needs one.",
					"Set twitch.pubsub.access-token (and twitch.pubsub.user-id, the token's user), or declare a "
							+ "TwitchTokenProvider bean, or set twitch.pubsub.enabled=false.");
		}
		return provider;
	}

	private static @Nullable Executor dispatchExecutor(PubSubProperties.DispatchThreads threads,
			BeanFactory beanFactory) {
		if (beanFactory.containsBean(DISPATCH_EXECUTOR_BEAN_NAME)) {
			return beanFactory.getBean(DISPATCH_EXECUTOR_BEAN_NAME, Executor.class);
		}
		return switch (threads) {
			case APPLICATION -> beanFactory.containsBean(APPLICATION_TASK_EXECUTOR_BEAN_NAME)
					? beanFactory.getBean(APPLICATION_TASK_EXECUTOR_BEAN_NAME, Executor.class) : null;
			case CLIENT -> null;
			case READING_THREAD -> Runnable::run;
		};
	}

}
