package io.github.twitchjvm.pubsub.annotation;

import java.util.List;

import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * Where {@link TwitchTopic} listeners are subscribed: the PubSub client by default, or
 * PubSub topics carried over EventSub ({@code twitch.pubsub.transport=eventsub}).
 */
public interface TwitchTopicSubscriber {

	/**
	 * Checks listeners before any of them is subscribed, so that a mistake fails the
	 * startup rather than a subscription at runtime.
	 * @param adding the listeners about to be subscribed
	 * @param registered the listeners subscribed before
	 * @throws io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException naming
	 * the method and the fix
	 */
	void check(List<TwitchTopicListener> adding, List<TwitchTopicListener> registered);

	/**
	 * Subscribes a listener's handler to one of its topics; before the client starts, it
	 * is subscribed when the client starts.
	 * @param listener the listener, for reports
	 * @param topic the topic
	 * @param handler the handler that invokes the listener's method
	 */
	void subscribe(TwitchTopicListener listener, Topic topic, PubSubHandler<PubSubMessage> handler);

}
