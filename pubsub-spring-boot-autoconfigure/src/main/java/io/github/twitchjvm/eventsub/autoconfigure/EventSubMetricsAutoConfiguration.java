package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.actuate.EventSubMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the EventSub client ({@code twitch.eventsub.*}) when the
 * application has a {@link MeterRegistry}.
 */
@AutoConfiguration(after = EventSubAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnSingleCandidate(EventSubClient.class)
public final class EventSubMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EventSubMetrics twitchEventSubMetrics(ObjectProvider<EventSubClient> client) {
		return new EventSubMetrics(client::getObject);
	}

	/** The metrics count what the auto-configured client reports to its listeners. */
	@Bean
	EventSubClientBuilderCustomizer twitchEventSubMetricsListener(EventSubMetrics metrics) {
		return (builder) -> builder.listener(metrics);
	}

}
