package io.github.twitchjvm.pubsub.annotation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
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

	private final TwitchTopicSubscriber subscriber;

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
		this(new PubSubClientSubscriber(client), observations, defaultUserId);
	}

	/**
	 * Creates a registry that subscribes through something other than a PubSub client,
	 * such as PubSub topics carried over EventSub.
	 * @param subscriber checks and subscribes the listeners
	 * @param observations where each call of a listener is observed
	 * @param defaultUserId the id a {@link TwitchTopic} that leaves out an id listens
	 * with, or {@code null} when every annotation must name its ids
	 */
	public TwitchTopicListenerRegistry(TwitchTopicSubscriber subscriber, ObservationRegistry observations,
			@Nullable String defaultUserId) {
		this.subscriber = subscriber;
		this.observations = observations;
		this.defaultUserId = defaultUserId;
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
		this.subscriber.check(endpoints.stream().map(TwitchTopicEndpoint::listener).toList(),
				List.copyOf(this.listeners));
		for (TwitchTopicEndpoint endpoint : endpoints) {
			TwitchTopicListener listener = endpoint.listener();
			for (Topic topic : listener.topics()) {
				this.subscriber.subscribe(listener, topic, endpoint.invoker());
			}
			this.listeners.add(listener);
			logger.debug("Registered listener {} for {}", listener.id(), listener.topics());
		}
	}

}
