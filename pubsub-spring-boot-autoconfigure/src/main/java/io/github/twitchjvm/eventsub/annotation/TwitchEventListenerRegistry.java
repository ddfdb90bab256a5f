package io.github.twitchjvm.eventsub.annotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes resolved {@link TwitchEvent} methods through the EventSub client and keeps
 * what was registered. A subscription made before the client starts is created when it
 * starts. Before anything is subscribed, the whole set is checked against Twitch's limits
 * per user token (sessions times subscriptions per session) and, when the token's scopes
 * are known, against the scopes each type needs: a mistake fails the startup rather than
 * one subscription at runtime.
 */
public final class TwitchEventListenerRegistry {

	private static final Logger logger = LoggerFactory.getLogger(TwitchEventListenerRegistry.class);

	private final EventSubClient client;

	private final ObservationRegistry observations;

	private final @Nullable String defaultUserId;

	private final @Nullable TwitchTokenProvider tokens;

	private final int subscriptionsPerUser;

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
	 * @param tokens the client's token provider, asked for the scopes of tokens it has at
	 * hand, or {@code null} to skip that check
	 * @param subscriptionsPerUser how many subscriptions one user token may have: the
	 * client's sessions times subscriptions per session
	 */
	public TwitchEventListenerRegistry(EventSubClient client, ObservationRegistry observations,
			@Nullable String defaultUserId, @Nullable TwitchTokenProvider tokens, int subscriptionsPerUser) {
		this.client = client;
		this.observations = observations;
		this.defaultUserId = defaultUserId;
		this.tokens = tokens;
		this.subscriptionsPerUser = subscriptionsPerUser;
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
		checkLimits(endpoints);
		checkScopes(endpoints);
		for (TwitchEventEndpoint endpoint : endpoints) {
			TwitchEventListener listener = endpoint.listener();
			for (EventSubscriptionKey key : listener.subscriptions()) {
				this.client.subscribeAsync(key.type(), key.version(), key.condition(), endpoint.invoker());
			}
			this.listeners.add(listener);
			logger.debug("Registered listener {} for {}", listener.id(), listener.subscriptions());
		}
	}

	/**
	 * Handlers of the same type and condition share one subscription at Twitch, so
	 * distinct keys are what counts.
	 */
	private void checkLimits(List<TwitchEventEndpoint> endpoints) {
		Map<String, Set<EventSubscriptionKey>> perUser = new HashMap<>();
		List<EventSubscriptionKey> all = new ArrayList<>();
		this.listeners.forEach((listener) -> all.addAll(listener.subscriptions()));
		endpoints.forEach((endpoint) -> all.addAll(endpoint.listener().subscriptions()));
		for (EventSubscriptionKey key : all) {
			perUser.computeIfAbsent(EventSubClient.tokenUser(key.condition()), (user) -> new LinkedHashSet<>())
				.add(key);
		}
		perUser.forEach((user, keys) -> {
			if (keys.size() > this.subscriptionsPerUser) {
				throw new EventSubConfigurationException(
						"@TwitchEvent listeners want " + keys.size() + " subscriptions with the token of user " + user
								+ ", more than one user token may have (" + this.subscriptionsPerUser + ").",
						"Twitch allows 3 WebSocket sessions of 300 subscriptions per user token "
								+ "(twitch.eventsub.max-sessions, twitch.eventsub.subscriptions-per-session): "
								+ "subscribe to fewer channels with this user's token.");
			}
		});
	}

	/**
	 * A token the provider has at hand (with its scopes known) must carry what each type
	 * needs; Twitch would refuse the subscription with 403.
	 */
	private void checkScopes(List<TwitchEventEndpoint> endpoints) {
		TwitchTokenProvider provider = this.tokens;
		if (provider == null) {
			return;
		}
		Map<String, @Nullable Set<String>> scopesByUser = new HashMap<>();
		for (TwitchEventEndpoint endpoint : endpoints) {
			for (EventSubscriptionKey key : endpoint.listener().subscriptions()) {
				EventSubType type = EventSubTypes.find(key.type(), key.version()).orElse(null);
				if (type == null) {
					continue;
				}
				String user = EventSubClient.tokenUser(key.condition());
				Set<String> scopes = scopesByUser.computeIfAbsent(user, (id) -> scopesAtHand(provider, id));
				if (scopes != null && !type.isAuthorizedBy(scopes)) {
					List<String> missing = type.requiredScopes()
						.stream()
						.filter((anyOf) -> anyOf.stream().noneMatch(scopes::contains))
						.map((anyOf) -> String.join(" or ", new java.util.TreeSet<>(anyOf)))
						.toList();
					throw EventListenerProblem.of(endpoint.listener().method(),
							"subscribes to " + type.key() + " with the token of user " + user + ", which lacks "
									+ String.join(", ", missing) + ".",
							"Authorize the application again for user " + user + " with the scopes " + type.key()
									+ " needs (" + String.join("; ", missing) + ").");
				}
			}
		}
	}

	private static @Nullable Set<String> scopesAtHand(TwitchTokenProvider provider, String user) {
		try {
			AccessToken token = provider.token(user).toCompletableFuture().getNow(null);
			return (token != null) ? token.scopes() : null;
		}
		catch (RuntimeException ex) {
			// No token for that user yet, or one still coming: Twitch will judge.
			return null;
		}
	}

}
