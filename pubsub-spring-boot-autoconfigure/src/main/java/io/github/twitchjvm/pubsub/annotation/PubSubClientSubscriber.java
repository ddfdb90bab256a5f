package io.github.twitchjvm.pubsub.annotation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * Subscribes {@link TwitchTopic} listeners through the PubSub client: every topic needs a
 * token, and all of them together must fit the client's sockets.
 */
final class PubSubClientSubscriber implements TwitchTopicSubscriber {

	private final PubSubClient client;

	PubSubClientSubscriber(PubSubClient client) {
		this.client = client;
	}

	@Override
	public void check(List<TwitchTopicListener> adding, List<TwitchTopicListener> registered) {
		checkCapacity(adding, registered);
		for (TwitchTopicListener listener : adding) {
			for (Topic topic : listener.topics()) {
				String userId = topic.authorizingUserId();
				if (!this.client.hasTokenFor(topic)) {
					throw ListenerProblem.of(listener.method(),
							"listens to " + topic + ", but there is no token for user " + userId + ".",
							"Set twitch.pubsub.user-id to the user of twitch.pubsub.access-token, or leave it out "
									+ "to use the token for every topic, or supply a TwitchTokenProvider bean "
									+ "that has a token for user " + userId + ".");
				}
			}
		}
	}

	/**
	 * More topics than the client's sockets can carry would fail one by one at runtime:
	 * fail the startup instead.
	 */
	private void checkCapacity(List<TwitchTopicListener> adding, List<TwitchTopicListener> registered) {
		Set<Topic> topics = new HashSet<>();
		this.client.snapshot().topics().forEach((status) -> topics.add(status.topic()));
		registered.forEach((listener) -> topics.addAll(listener.topics()));
		adding.forEach((listener) -> topics.addAll(listener.topics()));
		int capacity = this.client.topicCapacity();
		if (topics.size() > capacity) {
			throw new PubSubConfigurationException(
					"@TwitchTopic listeners want " + topics.size() + " topics, more than the client can listen to ("
							+ capacity + ").",
					"Raise twitch.pubsub.max-connections (Twitch allows 50 topics per connection and recommends at most "
							+ "10 connections per IP address), or listen to fewer channels.");
		}
	}

	@Override
	public void subscribe(TwitchTopicListener listener, Topic topic, PubSubHandler<PubSubMessage> handler) {
		this.client.listenRawAsync(topic, handler);
	}

}
