package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubActivity;
import io.github.twitchjvm.pubsub.actuate.PubSubEndpoint;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The {@code twitchpubsub} actuator endpoint, when Spring Boot's actuator is present and
 * the endpoint is available (exposed, and not disabled).
 */
@AutoConfiguration(after = PubSubAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnSingleCandidate(PubSubClient.class)
@ConditionalOnBean(PubSubActivity.class)
@ConditionalOnAvailableEndpoint(PubSubEndpoint.class)
public final class PubSubEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PubSubEndpoint twitchPubSubEndpoint(PubSubClient client, PubSubActivity activity,
			ObjectProvider<TwitchTopicListenerRegistry> listeners) {
		return new PubSubEndpoint(client, activity, listeners.getIfAvailable());
	}

}
