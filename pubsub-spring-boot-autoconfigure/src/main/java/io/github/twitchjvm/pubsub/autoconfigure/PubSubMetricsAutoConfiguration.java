package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the client ({@code twitch.pubsub.*}) when the application has a
 * {@link MeterRegistry}; and, when it has no {@link ObservationRegistry}, a timer of
 * every {@code @TwitchTopic} call instead of an observation.
 */
@AutoConfiguration(after = PubSubAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, PubSubClient.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(PubSubClient.class)
public final class PubSubMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PubSubMetrics twitchPubSubMetrics(ObjectProvider<PubSubClient> client) {
		return new PubSubMetrics(client::getObject);
	}

	/** The metrics count what the client reports to its listeners. */
	@Bean
	PubSubClientBuilderCustomizer twitchPubSubMetricsListener(PubSubMetrics metrics) {
		return (builder) -> builder.listener(metrics);
	}

	@Bean
	@ConditionalOnMissingBean(ObservationRegistry.class)
	ListenerObservations twitchPubSubListenerTimers(ObjectProvider<MeterRegistry> meterRegistry) {
		ObservationRegistry timers = ObservationRegistry.create();
		timers.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry.getObject()));
		return new ListenerObservations(timers);
	}

}
