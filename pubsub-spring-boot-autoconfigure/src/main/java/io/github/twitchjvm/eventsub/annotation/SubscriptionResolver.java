package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.twitchjvm.annotation.AttributeValues;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * Turns a {@link TwitchEvent} into subscriptions: resolves placeholders and expressions,
 * checks the type, its version and its condition keys against the typed model, fills the
 * users left out with the application's user, and builds one subscription per combination
 * of values.
 */
final class SubscriptionResolver {

	/** Condition keys that name a user whose token may create the subscription. */
	private static final List<String> USER_KEYS = List.of("moderator_user_id", "user_id", "to_broadcaster_user_id",
			"broadcaster_user_id");

	private final AttributeValues values;

	private final @Nullable String defaultUserId;

	SubscriptionResolver(ConfigurableBeanFactory beanFactory, @Nullable String defaultUserId) {
		this.values = new AttributeValues(beanFactory);
		this.defaultUserId = (defaultUserId != null && !defaultUserId.isBlank()) ? defaultUserId.strip() : null;
	}

	List<EventSubscriptionKey> subscriptions(Method method, TwitchEvent annotation) {
		String type = one(method, "value", annotation.value());
		if (type.isEmpty()) {
			throw EventListenerProblem.of(method, "names no subscription type.",
					"Name one, for example @TwitchEvent(\"channel.cheer\"). Typed ones: " + typed() + ".");
		}
		String version = one(method, "version", annotation.version());
		Optional<EventSubType> modelled = version.isEmpty()
				? EventSubTypes.all().stream().filter((candidate) -> candidate.name().equals(type)).findFirst()
				: EventSubTypes.find(type, version);
		if (version.isEmpty()) {
			version = modelled.map(EventSubType::version)
				.orElseThrow(() -> EventListenerProblem.of(method,
						"names the type '" + type + "', which this library has no typed model of, without a version.",
						"Set version (Twitch's reference lists each type's versions), for example "
								+ "@TwitchEvent(value = \"" + type + "\", version = \"1\"); typed types: " + typed()
								+ "."));
		}
		Map<String, List<String>> condition = new LinkedHashMap<>();
		condition.put("broadcaster_user_id", resolve(method, annotation.broadcasterUserId()));
		condition.put("moderator_user_id", resolve(method, annotation.moderatorUserId()));
		condition.put("user_id", resolve(method, annotation.userId()));
		condition.put("reward_id", resolve(method, annotation.rewardId()));
		for (String entry : resolve(method, annotation.condition())) {
			int equals = entry.indexOf('=');
			if (equals <= 0 || equals == entry.length() - 1) {
				throw EventListenerProblem.of(method, "has the condition entry '" + entry + "', which is no key=value.",
						"Write condition entries as key=value, for example \"to_broadcaster_user_id=1337\".");
			}
			condition.computeIfAbsent(entry.substring(0, equals).strip(), (key) -> new ArrayList<>())
				.add(entry.substring(equals + 1).strip());
		}
		condition.values().removeIf(List::isEmpty);
		if (modelled.isPresent()) {
			fill(method, modelled.get(), condition);
		}
		else if (condition.keySet().stream().noneMatch(USER_KEYS::contains) && this.defaultUserId != null) {
			// Most channel types name their channel so: the application's own.
			condition.put("broadcaster_user_id", List.of(this.defaultUserId));
		}
		else if (condition.keySet().stream().noneMatch(USER_KEYS::contains)) {
			throw EventListenerProblem.of(method,
					"subscribes to " + type + "@" + version + " with no user in its condition.",
					"Name the user whose token creates it: broadcasterUserId, moderatorUserId or userId.");
		}
		List<Map<String, String>> combinations = List.of(Map.of());
		for (Map.Entry<String, List<String>> entry : condition.entrySet()) {
			List<Map<String, String>> longer = new ArrayList<>();
			for (Map<String, String> combination : combinations) {
				for (String value : new LinkedHashSet<>(entry.getValue())) {
					Map<String, String> next = new LinkedHashMap<>(combination);
					next.put(entry.getKey(), value);
					longer.add(next);
				}
			}
			combinations = longer;
		}
		String resolvedVersion = version;
		return combinations.stream()
			.map((combination) -> new EventSubscriptionKey(type, resolvedVersion, combination))
			.distinct()
			.toList();
	}

	/**
	 * Checks the keys against the type's and fills the required users left out with the
	 * application's user.
	 */
	private void fill(Method method, EventSubType type, Map<String, List<String>> condition) {
		Set<String> allowed = new LinkedHashSet<>(type.conditionKeys());
		allowed.addAll(type.optionalConditionKeys());
		for (String key : condition.keySet()) {
			if (!allowed.contains(key)) {
				throw EventListenerProblem
					.of(method, "sets " + attribute(key) + ", which " + type.key() + " does not take.", "Remove it: "
							+ type.key() + " takes "
							+ allowed.stream().map(SubscriptionResolver::attribute).collect(Collectors.joining(", "))
							+ ".");
			}
		}
		for (String key : type.conditionKeys()) {
			if (condition.containsKey(key)) {
				continue;
			}
			if (this.defaultUserId == null || !key.endsWith("user_id")) {
				throw EventListenerProblem.of(method,
						"subscribes to " + type.key() + " without " + attribute(key) + ".",
						"Set " + attribute(key) + " on the annotation, or the token's own user: "
								+ "twitch.eventsub.user-id (or twitch.pubsub.user-id), or userId() of the "
								+ "application's EventSubConnectionDetails bean.");
			}
			condition.put(key, List.of(this.defaultUserId));
		}
	}

	private List<String> resolve(Method method, String... values) {
		List<String> resolved = new ArrayList<>();
		for (String value : values) {
			try {
				resolved.addAll(this.values.resolve(value));
			}
			catch (RuntimeException ex) {
				throw EventListenerProblem.of(method, "cannot resolve \"" + value + "\": " + ex.getMessage(),
						"Define the property the placeholder names, or correct the expression.");
			}
		}
		return resolved;
	}

	String one(Method method, String attribute, String value) {
		List<String> resolved = resolve(method, value);
		if (resolved.size() > 1) {
			throw EventListenerProblem.of(method, "gives " + attribute + " several values: " + resolved + ".",
					"Give " + attribute + " one value; repeat @TwitchEvent for several types.");
		}
		return resolved.isEmpty() ? "" : resolved.get(0);
	}

	static String attribute(String key) {
		return switch (key) {
			case "broadcaster_user_id" -> "broadcasterUserId";
			case "moderator_user_id" -> "moderatorUserId";
			case "user_id" -> "userId";
			case "reward_id" -> "rewardId";
			default -> "condition \"" + key + "=...\"";
		};
	}

	private static String typed() {
		return EventSubTypes.all().stream().map(EventSubType::key).collect(Collectors.joining(", "));
	}

}
