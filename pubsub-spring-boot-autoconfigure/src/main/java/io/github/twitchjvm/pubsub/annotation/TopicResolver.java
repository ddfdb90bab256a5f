package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.twitchjvm.annotation.AttributeValues;
import io.github.twitchjvm.pubsub.topic.InvalidTopicException;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * Turns a {@link TwitchTopic} into topics: resolves placeholders and expressions, applies
 * the default user id, checks the family and its ids, and builds one topic per
 * combination of ids.
 */
final class TopicResolver {

	/**
	 * The user of ids left out: the connection details', given by the registry, not read
	 * from properties here.
	 */
	private final @Nullable String defaultUserId;

	private final AttributeValues values;

	TopicResolver(ConfigurableBeanFactory beanFactory, @Nullable String defaultUserId) {
		this.defaultUserId = (defaultUserId != null && !defaultUserId.isBlank()) ? defaultUserId.strip() : null;
		this.values = new AttributeValues(beanFactory);
	}

	List<Topic> topics(Method method, TwitchTopic annotation) {
		List<String> raw = resolve(method, annotation.topic());
		List<String> family = resolve(method, annotation.value());
		Map<String, List<String>> ids = new LinkedHashMap<>();
		ids.put("user_id", resolve(method, annotation.userId()));
		ids.put("channel_id", resolve(method, annotation.channelId()));
		ids.put("moderator_id", resolve(method, annotation.moderatorId()));
		if (!raw.isEmpty()) {
			if (!family.isEmpty() || ids.values().stream().anyMatch((values) -> !values.isEmpty())) {
				throw ListenerProblem.of(method, "sets 'topic' together with a family or ids.",
						"Use either topic = \"...\" for an undocumented topic, or a family with its ids.");
			}
			return raw.stream().map((value) -> undocumented(method, value)).toList();
		}
		if (family.size() != 1) {
			throw ListenerProblem.of(method, "names " + ((family.isEmpty()) ? "no topic family." : "several families."),
					"Name one family, for example @TwitchTopic(\"whispers\"), or use topic = \"...\" for an "
							+ "undocumented topic. Families: " + families() + ".");
		}
		TopicType type = family(method, family.get(0));
		for (Map.Entry<String, List<String>> entry : ids.entrySet()) {
			if (!entry.getValue().isEmpty() && !type.idNames().contains(entry.getKey())) {
				throw ListenerProblem.of(method,
						"sets " + attribute(entry.getKey()) + ", which " + type.prefix() + " does not take.",
						"Remove it: " + type.prefix() + " takes " + attributes(type) + " (" + type.expectedForm()
								+ ").");
			}
		}
		List<List<String>> combinations = List.of(List.of());
		for (String idName : type.idNames()) {
			List<String> values = ids.getOrDefault(idName, List.of());
			if (values.isEmpty() && this.defaultUserId != null) {
				values = List.of(this.defaultUserId);
			}
			if (values.isEmpty()) {
				throw ListenerProblem.of(method, "listens to " + type.prefix() + " without " + attribute(idName) + ".",
						"Set " + attribute(idName) + " on the annotation (" + type.expectedForm()
								+ "), or the token's own user: twitch.pubsub.user-id, or userId() of the "
								+ "application's PubSubConnectionDetails bean.");
			}
			List<List<String>> longer = new ArrayList<>();
			for (List<String> combination : combinations) {
				for (String value : values) {
					longer.add(Stream.concat(combination.stream(), Stream.of(value)).toList());
				}
			}
			combinations = longer;
		}
		return combinations.stream().map((combination) -> documented(method, type, combination)).distinct().toList();
	}

	/**
	 * Resolves placeholders and expressions of every value; an expression may give
	 * several. Empty values vanish.
	 */
	List<String> resolve(Method method, String... values) {
		List<String> resolved = new ArrayList<>();
		for (String value : values) {
			try {
				resolved.addAll(this.values.resolve(value));
			}
			catch (RuntimeException ex) {
				throw ListenerProblem.of(method, "cannot resolve \"" + value + "\": " + ex.getMessage(),
						"Define the property the placeholder names, or correct the expression.");
			}
		}
		return resolved;
	}

	String resolveOne(Method method, String value) {
		List<String> resolved = resolve(method, value);
		return resolved.isEmpty() ? "" : resolved.get(0);
	}

	private static TopicType family(Method method, String name) {
		TopicType byPrefix = TopicType.forPrefix(name);
		if (byPrefix != null) {
			return byPrefix;
		}
		String constant = name.toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(TopicType.values())
			.filter((type) -> type.name().equals(constant))
			.findFirst()
			.orElseThrow(() -> ListenerProblem.of(method, "names the unknown topic family '" + name + "'.",
					"Use one of " + families() + ", or topic = \"...\" for an undocumented topic."));
	}

	private static Topic undocumented(Method method, String value) {
		try {
			return Topic.undocumented(value);
		}
		catch (InvalidTopicException ex) {
			throw ListenerProblem.of(method, "has an invalid topic: " + ex.getMessage(), "Correct the topic string.");
		}
	}

	private static Topic documented(Method method, TopicType type, List<String> ids) {
		try {
			return Topic.of(type, ids.toArray(String[]::new));
		}
		catch (InvalidTopicException ex) {
			throw ListenerProblem.of(method, "resolves to an invalid topic: " + ex.getMessage(),
					"Twitch ids are numeric; check the ids and the placeholders or expressions that give them.");
		}
	}

	private static String attribute(String idName) {
		return switch (idName) {
			case "user_id" -> "userId";
			case "channel_id" -> "channelId";
			case "moderator_id" -> "moderatorId";
			default -> idName;
		};
	}

	private static String attributes(TopicType type) {
		return type.idNames().stream().map(TopicResolver::attribute).collect(Collectors.joining(" and "));
	}

	private static String families() {
		return Arrays.stream(TopicType.values()).map(TopicType::prefix).collect(Collectors.joining(", "));
	}

}
