package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The EventSub subscriptions an application's listener methods ask for, of both
 * annotation models ({@code @TwitchEvent}, and {@code @TwitchTopic} over EventSub),
 * checked before any is subscribed: each needs a token of the user it names (and, when
 * the token at hand knows its scopes, the scopes of its type), and all of them together
 * must fit Twitch's limit per user token. Subscriptions of the same type and condition
 * count once: the client shares one subscription at Twitch between their handlers. One
 * plan per EventSub client; thread-safe.
 */
public final class EventSubscriptionPlan {

	private final @Nullable TwitchTokenProvider tokens;

	private final int subscriptionsPerUser;

	/** What was reserved so far, by the user whose token creates it. */
	private final Map<String, Set<EventSubscriptionKey>> reserved = new HashMap<>();

	/**
	 * Creates a plan.
	 * @param tokens the client's token provider, or {@code null} to skip the token checks
	 * @param subscriptionsPerUser how many subscriptions one user token may have: the
	 * client's sessions times subscriptions per session
	 */
	public EventSubscriptionPlan(@Nullable TwitchTokenProvider tokens, int subscriptionsPerUser) {
		this.tokens = tokens;
		this.subscriptionsPerUser = subscriptionsPerUser;
	}

	/**
	 * Checks and reserves what listener methods want, all or none.
	 * @param wanted the methods and their subscriptions
	 * @throws EventSubConfigurationException naming the method and the fix
	 */
	public synchronized void reserve(List<Wanted> wanted) {
		Map<String, Optional<Set<String>>> scopesByUser = new HashMap<>();
		Map<String, Set<EventSubscriptionKey>> after = new HashMap<>();
		this.reserved.forEach((user, keys) -> after.put(user, new LinkedHashSet<>(keys)));
		for (Wanted method : wanted) {
			for (EventSubscriptionKey key : method.subscriptions()) {
				String user = EventSubClient.tokenUser(key.condition());
				checkToken(method, key, user, scopesByUser);
				after.computeIfAbsent(user, (id) -> new LinkedHashSet<>()).add(key);
			}
		}
		after.forEach((user, keys) -> {
			if (keys.size() > this.subscriptionsPerUser) {
				throw new EventSubConfigurationException(
						"Listener methods want " + keys.size() + " EventSub subscriptions with the token of user "
								+ user + ", more than one user token may have (" + this.subscriptionsPerUser + ").",
						"Twitch allows 3 WebSocket sessions of 300 subscriptions per user token "
								+ "(twitch.eventsub.max-sessions, twitch.eventsub.subscriptions-per-session): "
								+ "subscribe to fewer channels with this user's token.");
			}
		});
		this.reserved.clear();
		this.reserved.putAll(after);
	}

	private void checkToken(Wanted method, EventSubscriptionKey key, String user,
			Map<String, Optional<Set<String>>> scopesByUser) {
		TwitchTokenProvider provider = this.tokens;
		if (provider == null) {
			return;
		}
		if (!provider.hasTokenFor(user)) {
			throw method.problem(
					"subscribes to " + key + " with the token of user " + user + ", but there is no token for user "
							+ user + ".",
					"Set twitch.eventsub.user-id (or twitch.pubsub.user-id) to the user of the access token, or "
							+ "leave it out to use the token for every user, or supply a TwitchTokenProvider bean "
							+ "that has a token for user " + user + ".");
		}
		EventSubType type = EventSubTypes.find(key.type(), key.version()).orElse(null);
		if (type == null) {
			return;
		}
		Set<String> scopes = scopesByUser.computeIfAbsent(user, (id) -> Optional.ofNullable(scopesAtHand(provider, id)))
			.orElse(null);
		if (scopes != null && !type.isAuthorizedBy(scopes)) {
			List<String> missing = type.requiredScopes()
				.stream()
				.filter((anyOf) -> anyOf.stream().noneMatch(scopes::contains))
				.map((anyOf) -> String.join(" or ", new TreeSet<>(anyOf)))
				.toList();
			throw method.problem(
					"subscribes to " + type.key() + " with the token of user " + user + ", which lacks "
							+ String.join(", ", missing) + ".",
					"Authorize the application again for user " + user + " with the scopes " + type.key() + " needs ("
							+ String.join("; ", missing) + ").");
		}
	}

	private static @Nullable Set<String> scopesAtHand(TwitchTokenProvider provider, String user) {
		try {
			AccessToken token = provider.token(user).toCompletableFuture().getNow(null);
			return (token != null) ? token.scopes() : null;
		}
		catch (RuntimeException ex) {
			// No token at hand yet, or one still coming: Twitch will judge.
			return null;
		}
	}

	/**
	 * The subscriptions one listener method wants.
	 *
	 * @param annotation the annotation's name for reports, such as {@code @TwitchEvent}
	 * @param method the method
	 * @param subscriptions its subscriptions
	 */
	public record Wanted(String annotation, Method method, List<EventSubscriptionKey> subscriptions) {

		public Wanted {
			subscriptions = List.copyOf(subscriptions);
		}

		EventSubConfigurationException problem(String problem, String action) {
			return new EventSubConfigurationException(
					this.annotation + " method " + ListenerMethods.describe(this.method) + " " + problem, action);
		}

	}

}
