package io.github.twitchjvm.pubsub.migration;

import io.github.twitchjvm.bridge.PubSubOverEventSub;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.eventsub.annotation.EventSubscriptionPlan;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.autoconfigure.ListenerObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@code twitch.pubsub.transport=eventsub}: the {@code @TwitchTopic} listeners of an
 * application subscribe over the auto-configured EventSub client, each topic on the
 * EventSub subscriptions that replaced its family, each notification converted to the
 * family's PubSub payload.
 */
@AutoConfiguration(after = EventSubAutoConfiguration.class)
@ConditionalOnClass(PubSubOverEventSub.class)
@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "eventsub")
@ConditionalOnSingleCandidate(EventSubClient.class)
public final class PubSubOverEventSubAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PubSubOverEventSub twitchPubSubOverEventSub(EventSubClient client) {
		return new PubSubOverEventSub(client);
	}

	@Bean
	@ConditionalOnMissingBean
	TwitchTopicListenerRegistry twitchTopicListenerRegistry(PubSubOverEventSub bridge, EventSubscriptionPlan plan,
			EventSubConnectionDetails connectionDetails, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ListenerObservations> timers) {
		ObservationRegistry observations = observationRegistry.getIfUnique(
				() -> timers.getIfAvailable(() -> new ListenerObservations(ObservationRegistry.NOOP)).registry());
		return new TwitchTopicListenerRegistry(new EventSubTopicSubscriber(bridge, plan), observations,
				connectionDetails.userId());
	}

}
