package io.github.twitchjvm.pubsub.autoconfigure;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.actuate.EventSubActivity;
import io.github.twitchjvm.eventsub.actuate.EventSubSection;
import io.github.twitchjvm.eventsub.annotation.TwitchEventListenerRegistry;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubActivity;
import io.github.twitchjvm.pubsub.actuate.PubSubEndpoint;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code twitchpubsub} actuator endpoint, when Spring Boot's actuator is present, the
 * endpoint is available (exposed, and not disabled) and there is a Twitch client of
 * either protocol: the PubSub client (with its activity), the EventSub client, or both.
 */
// By name: eventsub.autoconfigure builds on this package, which must not import it back.
@AutoConfiguration(after = PubSubAutoConfiguration.class,
		afterName = "io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@Conditional(PubSubEndpointAutoConfiguration.AnyClient.class)
@ConditionalOnAvailableEndpoint(PubSubEndpoint.class)
public final class PubSubEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PubSubEndpoint twitchPubSubEndpoint(ObjectProvider<PubSubClient> client, ObjectProvider<PubSubActivity> activity,
			ObjectProvider<TwitchTopicListenerRegistry> listeners, ObjectProvider<EventSubClient> eventSubClient,
			ObjectProvider<EventSubActivity> eventSubActivity,
			ObjectProvider<TwitchEventListenerRegistry> eventListeners) {
		PubSubClient pubSub = client.getIfUnique();
		PubSubActivity pubSubActivity = (pubSub != null) ? activity.getIfUnique() : null;
		if (pubSubActivity == null) {
			pubSub = null;
		}
		EventSubClient eventSub = eventSubClient.getIfUnique();
		// Without a PubSub client, @TwitchTopic listeners ride on EventSub: shown there.
		EventSubSection section = (eventSub != null) ? new EventSubSection(eventSub, eventSubActivity.getIfUnique(),
				eventListeners.getIfAvailable(), (pubSub == null) ? listeners.getIfAvailable() : null) : null;
		return new PubSubEndpoint(pubSub, pubSubActivity, listeners.getIfAvailable(), section);
	}

	/** A client the endpoint can show. */
	static final class AnyClient extends AnyNestedCondition {

		AnyClient() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnSingleCandidate(PubSubClient.class)
		@ConditionalOnBean(PubSubActivity.class)
		static final class PubSub {

		}

		@ConditionalOnSingleCandidate(EventSubClient.class)
		static final class EventSub {

		}

	}

}
