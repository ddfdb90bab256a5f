package io.github.twitchjvm.pubsub.annotation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes resolved {@link TwitchTopic} methods to the client and keeps what was
 * registered. A subscription made before the client starts is listened to when it starts.
 * A topic that cannot be listened to becomes {@code FAILED} in the client's topic states
 * (and in {@code PubSubTopicEvent}s), with the reason, and the client logs it.
 */
public final class TwitchTopicListenerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(TwitchTopicListenerRegistry.class);

	private final PubSubClient client;

	private final ObservationRegistry observations;

	private final @Nullable String defaultUserId;

	private final List<TwitchTopicListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates a registry whose listeners are not observed.
	 * @param client the client to subscribe with, also asked whether it has a token for
	 * each topic
	 */
	public TwitchTopicListenerRegistry(PubSubClient client) {
		this(client, ObservationRegistry.NOOP);
	}

	/**
	 * Creates the registry.
	 * @param client the client to subscribe with, also asked whether it has a token for
	 * each topic
	 * @param observations where each call of a listener is observed
	 * ({@code twitch.pubsub.listener}, with the listener's id, the topic's family and the
	 * outcome)
	 */
	public TwitchTopicListenerRegistry(PubSubClient client, ObservationRegistry observations) {
		this(client, observations, null);
	}

	/**
	 * Creates the registry.
	 * @param client the client to subscribe with, also asked whether it has a token for
	 * each topic
	 * @param observations where each call of a listener is observed
	 * ({@code twitch.pubsub.listener}, with the listener's id, the topic's family and the
	 * outcome)
	 * @param defaultUserId the id a {@link TwitchTopic} that leaves out an id listens
	 * with (the auto-configuration passes the connection details' user), or {@code null}
	 * when every annotation must name its ids
	 */
	public TwitchTopicListenerRegistry(PubSubClient client, ObservationRegistry observations,
			@Nullable String defaultUserId) {
		this.client = client;
		this.observations = observations;
		this.defaultUserId = defaultUserId;
	}

	/**
	 * More topics than the client's sockets can carry would fail one by one at runtime:
	 * fail the startup instead.
	 */
	private void checkCapacity(List<TwitchTopicEndpoint> endpoints) {
		Set<Topic> topics = new HashSet<>();
		this.client.snapshot().topics().forEach((status) -> topics.add(status.topic()));
		this.listeners.forEach((listener) -> topics.addAll(listener.topics()));
		endpoints.forEach((endpoint) -> topics.addAll(endpoint.listener().topics()));
		int capacity = this.client.topicCapacity();
		if (topics.size() > capacity) {
			throw new PubSubConfigurationException(
					"@TwitchTopic listeners want " + topics.size() + " topics, more than the client can listen to ("
							+ capacity + ").",
					"Raise twitch.pubsub.max-connections (Twitch allows 50 topics per connection and recommends at most "
							+ "10 connections per IP address), or listen to fewer channels.");
		}
	}

	ObservationRegistry observations() {
		return this.observations;
	}

	@Nullable String defaultUserId() {
		return this.defaultUserId;
	}

	/**
	 * The listeners registered so far.
	 * @return a read-only list
	 */
	public List<TwitchTopicListener> getListeners() {
		return List.copyOf(this.listeners);
	}

	/**
	 * Subscribes the endpoints, all or none: a topic without a token fails before
	 * anything is subscribed.
	 */
	void register(List<TwitchTopicEndpoint> endpoints) {
		checkCapacity(endpoints);
		for (TwitchTopicEndpoint endpoint : endpoints) {
			for (Topic topic : endpoint.listener().topics()) {
				String userId = topic.authorizingUserId();
				if (!this.client.hasTokenFor(topic)) {
					throw ListenerProblem.of(endpoint.listener().method(),
							"listens to " + topic + ", but there is no token for user " + userId + ".",
							"Set twitch.pubsub.user-id to the user of twitch.pubsub.access-token, or leave it out "
									+ "to use the token for every topic, or supply a TwitchTokenProvider bean "
									+ "that has a token for user " + userId + ".");
				}
			}
		}
		for (TwitchTopicEndpoint endpoint : endpoints) {
			TwitchTopicListener listener = endpoint.listener();
			for (Topic topic : listener.topics()) {
				this.client.listenRawAsync(topic, endpoint.invoker());
			}
			this.listeners.add(listener);
			logger.debug("Registered listener {} for {}", listener.id(), listener.topics());
		}
	}

}
