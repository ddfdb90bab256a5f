package io.github.twitchjvm.pubsub.autoconfigure;

import java.time.Duration;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code twitchPubSub} health indicator, when Spring Boot's health support is
 * present; removed with {@code management.health.twitchpubsub.enabled=false}.
 */
@AutoConfiguration(after = PubSubAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(PubSubClient.class)
@ConditionalOnEnabledHealthIndicator("twitchpubsub")
public final class PubSubHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "twitchPubSubHealthIndicator")
	PubSubHealthIndicator twitchPubSubHealthIndicator(PubSubClient client,
			ObjectProvider<PubSubProperties> properties) {
		Duration gracePeriod = properties.getIfAvailable(PubSubProperties::new).getHealth().getGracePeriod();
		return new PubSubHealthIndicator(client, gracePeriod);
	}

}
