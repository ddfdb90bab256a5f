package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The subscription types the fake service knows, one line each: type, version, condition
 * keys ({@code ?} marks an optional one), the condition key naming the user whose token
 * authorizes it ({@code -} when none, which makes it cost 1), and the scopes (each group
 * separated by a space must be met by one of its {@code |} alternatives). From Twitch's
 * subscription type reference (eventsub.md, section 4).
 */
final class SubscriptionTypes {

	private static final String BLOCKED_TERMS = "moderator:read:blocked_terms|moderator:manage:blocked_terms";

	private static final String CHAT_SETTINGS = "moderator:read:chat_settings|moderator:manage:chat_settings";

	private static final String UNBAN_REQUESTS = "moderator:read:unban_requests|moderator:manage:unban_requests";

	private static final String BANNED_USERS = "moderator:read:banned_users|moderator:manage:banned_users";

	private static final String CHAT_MESSAGES = "moderator:read:chat_messages|moderator:manage:chat_messages";

	private static final String WARNINGS = "moderator:read:warnings|moderator:manage:warnings";

	private static final String REDEMPTIONS = "channel:read:redemptions|channel:manage:redemptions";

	private static final List<Definition> ALL = List.of(
			define("user.whisper.message", "1", "user_id", "user_id", "user:read:whispers|user:manage:whispers"),
			define("channel.cheer", "1", "broadcaster_user_id", "broadcaster_user_id", "bits:read"),
			define("channel.bits.use", "1", "broadcaster_user_id", "broadcaster_user_id", "bits:read"),
			define("channel.chat.notification", "1", "broadcaster_user_id user_id", "user_id", "user:read:chat"),
			define("channel.channel_points_custom_reward_redemption.add", "1", "broadcaster_user_id reward_id?",
					"broadcaster_user_id", REDEMPTIONS),
			define("channel.channel_points_custom_reward_redemption.update", "1", "broadcaster_user_id reward_id?",
					"broadcaster_user_id", REDEMPTIONS),
			define("channel.channel_points_automatic_reward_redemption.add", "2", "broadcaster_user_id",
					"broadcaster_user_id", REDEMPTIONS),
			define("channel.subscribe", "1", "broadcaster_user_id", "broadcaster_user_id",
					"channel:read:subscriptions"),
			define("channel.subscription.message", "1", "broadcaster_user_id", "broadcaster_user_id",
					"channel:read:subscriptions"),
			define("channel.subscription.gift", "1", "broadcaster_user_id", "broadcaster_user_id",
					"channel:read:subscriptions"),
			define("channel.moderate", "2", "broadcaster_user_id moderator_user_id", "moderator_user_id",
					String.join(" ", BLOCKED_TERMS, CHAT_SETTINGS, UNBAN_REQUESTS, BANNED_USERS, CHAT_MESSAGES,
							WARNINGS, "moderator:read:moderators", "moderator:read:vips")),
			define("automod.message.hold", "2", "broadcaster_user_id moderator_user_id", "moderator_user_id",
					"moderator:manage:automod"),
			define("automod.message.update", "2", "broadcaster_user_id moderator_user_id", "moderator_user_id",
					"moderator:manage:automod"),
			define("channel.chat.user_message_hold", "1", "broadcaster_user_id user_id", "user_id", "user:read:chat"),
			define("channel.chat.user_message_update", "1", "broadcaster_user_id user_id", "user_id", "user:read:chat"),
			define("channel.suspicious_user.message", "1", "broadcaster_user_id moderator_user_id", "moderator_user_id",
					"moderator:read:suspicious_users"),
			define("channel.suspicious_user.update", "1", "broadcaster_user_id moderator_user_id", "moderator_user_id",
					"moderator:read:suspicious_users"),
			// Types that need no authorization cost 1: with them the cost budget can be
			// reached.
			define("stream.online", "1", "broadcaster_user_id", "-", ""),
			define("stream.offline", "1", "broadcaster_user_id", "-", ""));

	private SubscriptionTypes() {
	}

	static List<Definition> all() {
		return ALL;
	}

	static @Nullable Definition find(String type, String version) {
		for (Definition definition : ALL) {
			if (definition.type().equals(type) && definition.version().equals(version)) {
				return definition;
			}
		}
		return null;
	}

	static boolean knows(String type) {
		return ALL.stream().anyMatch((definition) -> definition.type().equals(type));
	}

	/** Every scope some known type asks for, sorted. */
	static List<String> allScopes() {
		Set<String> scopes = new TreeSet<>();
		for (Definition definition : ALL) {
			definition.scopes().forEach(scopes::addAll);
		}
		return List.copyOf(scopes);
	}

	private static Definition define(String type, String version, String keys, String authorizingKey, String scopes) {
		List<String> required = new ArrayList<>();
		Set<String> optional = new LinkedHashSet<>();
		for (String key : keys.split(" ")) {
			if (key.endsWith("?")) {
				optional.add(key.substring(0, key.length() - 1));
			}
			else {
				required.add(key);
			}
		}
		List<Set<String>> groups = new ArrayList<>();
		if (!scopes.isEmpty()) {
			for (String group : scopes.split(" ")) {
				groups.add(new LinkedHashSet<>(Arrays.asList(group.split("\\|"))));
			}
		}
		return new Definition(type, version, required, optional, authorizingKey.equals("-") ? null : authorizingKey,
				groups);
	}

	/**
	 * One subscription type at one version.
	 *
	 * @param type the type
	 * @param version the version
	 * @param requiredKeys the condition keys it needs
	 * @param optionalKeys the condition keys it may have
	 * @param authorizingKey the condition key that must name the token's user, or
	 * {@code null} when the type needs no user's authorization
	 * @param scopes the scope groups, each met by any one of its scopes
	 */
	record Definition(String type, String version, List<String> requiredKeys, Set<String> optionalKeys,
			@Nullable String authorizingKey, List<Set<String>> scopes) {

		Definition {
			requiredKeys = List.copyOf(requiredKeys);
			optionalKeys = Set.copyOf(optionalKeys);
			scopes = scopes.stream().map(Set::copyOf).toList();
		}

		/** 0 when a user's token authorizes it, as Twitch counts, otherwise 1. */
		int cost() {
			return (this.authorizingKey != null) ? 0 : 1;
		}

		boolean allowedBy(Collection<String> tokenScopes) {
			return this.scopes.stream().allMatch((group) -> group.stream().anyMatch(tokenScopes::contains));
		}

		/** Why the condition does not fit this type, or {@code null} when it does. */
		@Nullable String conditionProblem(Map<String, String> condition) {
			for (String key : this.requiredKeys) {
				String value = condition.get(key);
				if (value == null || value.isEmpty()) {
					return "condition." + key + " is required for " + this.type;
				}
			}
			for (String key : condition.keySet()) {
				if (!this.requiredKeys.contains(key) && !this.optionalKeys.contains(key)) {
					return "condition." + key + " is not a condition of " + this.type;
				}
			}
			return null;
		}

	}

}
