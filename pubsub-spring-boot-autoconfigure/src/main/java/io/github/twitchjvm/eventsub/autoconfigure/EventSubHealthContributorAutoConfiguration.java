package io.github.twitchjvm.eventsub.autoconfigure;

import java.time.Duration;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.actuate.EventSubActivity;
import io.github.twitchjvm.eventsub.actuate.EventSubHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code twitchEventSub} health indicator, when Spring Boot's health support is
 * present and there is an EventSub client; removed with
 * {@code management.health.twitcheventsub.enabled=false}.
 */
@AutoConfiguration(after = EventSubAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(EventSubClient.class)
@ConditionalOnEnabledHealthIndicator("twitcheventsub")
public final class EventSubHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "twitchEventSubHealthIndicator")
	EventSubHealthIndicator twitchEventSubHealthIndicator(EventSubClient client,
			ObjectProvider<EventSubActivity> activity, ObjectProvider<EventSubProperties> properties) {
		Duration gracePeriod = properties.getIfAvailable(EventSubProperties::new).getHealth().getGracePeriod();
		return new EventSubHealthIndicator(client, activity.getIfUnique(), gracePeriod);
	}

}
