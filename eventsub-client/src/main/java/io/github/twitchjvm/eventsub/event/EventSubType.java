package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One typed subscription type and version: what to subscribe with and what its event
 * decodes to.
 *
 * @param name the subscription type, for example {@code channel.cheer}
 * @param version the version, for example {@code 1}
 * @param eventClass the record its events decode to
 * @param conditionKeys the condition keys a subscription must give, for example
 * {@code broadcaster_user_id} and {@code moderator_user_id}
 * @param optionalConditionKeys condition keys a subscription may give (a redemption's
 * {@code reward_id})
 * @param requiredScopes the token's scopes: every set must be met by at least one of its
 * scopes (for example {@code [{bits:read}]}, or for {@code channel.moderate} eight sets
 * such as {@code {moderator:read:warnings, moderator:manage:warnings}})
 * @param pubSubTopics the PubSub topic families it replaces, by their prefix (for example
 * {@code channel-bits-events-v2})
 */
public record EventSubType(String name, String version, Class<? extends EventSubEvent> eventClass,
		List<String> conditionKeys, List<String> optionalConditionKeys, List<Set<String>> requiredScopes,
		List<String> pubSubTopics) {

	public EventSubType {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(eventClass, "eventClass");
		conditionKeys = List.copyOf(conditionKeys);
		optionalConditionKeys = List.copyOf(optionalConditionKeys);
		requiredScopes = requiredScopes.stream().map(Set::copyOf).toList();
		pubSubTopics = List.copyOf(pubSubTopics);
	}

	/**
	 * Whether a token with these scopes may subscribe to this type.
	 * @param scopes the token's scopes
	 * @return {@code true} if every required set is met
	 */
	public boolean isAuthorizedBy(Set<String> scopes) {
		return this.requiredScopes.stream().allMatch((anyOf) -> anyOf.stream().anyMatch(scopes::contains));
	}

	/**
	 * The type as Twitch's logs and this library's messages name it.
	 * @return for example {@code channel.cheer@1}
	 */
	public String key() {
		return this.name + "@" + this.version;
	}

}
