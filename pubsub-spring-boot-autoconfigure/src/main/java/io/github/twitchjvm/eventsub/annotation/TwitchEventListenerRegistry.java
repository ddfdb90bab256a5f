package io.github.twitchjvm.eventsub.annotation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes resolved {@link TwitchEvent} methods through the EventSub client and keeps
 * what was registered. A subscription made before the client starts is created when it
 * starts. Before anything is subscribed, the whole set is checked by the
 * {@link EventSubscriptionPlan}: a token for each user, the scopes each type needs when
 * the token's scopes are known, Twitch's limits per user token. A mistake fails the
 * startup rather than one subscription at runtime.
 */
public final class TwitchEventListenerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(TwitchEventListenerRegistry.class);

	private final EventSubClient client;

	private final ObservationRegistry observations;

	private final @Nullable String defaultUserId;

	private final EventSubscriptionPlan plan;

	private final List<TwitchEventListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates the registry.
	 * @param client the client to subscribe with
	 * @param observations where each call of a listener is observed
	 * ({@code twitch.eventsub.listener}, with the listener's id, the subscription type
	 * and the outcome)
	 * @param defaultUserId the user of conditions that leave one out (the
	 * auto-configuration passes the connection details' user), or {@code null} when every
	 * annotation names its users
	 * @param plan checks the subscriptions against the tokens and Twitch's limits, with
	 * those of {@code @TwitchTopic} listeners over EventSub
	 */
	public TwitchEventListenerRegistry(EventSubClient client, ObservationRegistry observations,
			@Nullable String defaultUserId, EventSubscriptionPlan plan) {
		this.client = client;
		this.observations = observations;
		this.defaultUserId = defaultUserId;
		this.plan = plan;
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
	public List<TwitchEventListener> getListeners() {
		return List.copyOf(this.listeners);
	}

	/**
	 * Subscribes the endpoints, all or none: a limit or a missing scope fails before
	 * anything is subscribed.
	 */
	void register(List<TwitchEventEndpoint> endpoints) {
		this.plan.reserve(endpoints.stream()
			.map((endpoint) -> new EventSubscriptionPlan.Wanted("@TwitchEvent", endpoint.listener().method(),
					endpoint.listener().subscriptions()))
			.toList());
		for (TwitchEventEndpoint endpoint : endpoints) {
			TwitchEventListener listener = endpoint.listener();
			for (EventSubscriptionKey key : listener.subscriptions()) {
				this.client.subscribeAsync(key.type(), key.version(), key.condition(), endpoint.invoker());
			}
			this.listeners.add(listener);
			logger.debug("Registered listener {} for {}", listener.id(), listener.subscriptions());
		}
	}

}
