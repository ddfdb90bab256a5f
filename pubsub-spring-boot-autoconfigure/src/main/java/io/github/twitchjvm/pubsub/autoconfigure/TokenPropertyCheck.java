package io.github.twitchjvm.pubsub.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Refuses a token property that cannot hold a token: empty, blank, or still a placeholder
 * nothing resolved. Boot binds {@code ${TWITCH_ACCESS_TOKEN}} with the variable unset as
 * that very text, which the client would send as a token while every topic fails and the
 * application runs on. The report names the property, where it is set and the variables
 * it waits for; never its value, which may be part of a real token.
 */
public final class TokenPropertyCheck {

	/** The name in {@code ${NAME}} or {@code ${NAME:default}}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private TokenPropertyCheck() {
	}

	/**
	 * Fails when the token cannot be one.
	 * @param property the property's full name, such as
	 * {@code twitch.pubsub.access-token}
	 * @param token its bound value
	 * @param environment where the property was defined, to name the variables an empty
	 * value came from
	 * @throws PubSubConfigurationException naming the property and the fix
	 */
	public static void check(String property, String token, Environment environment) {
		ConfigurationProperty definition = definition(property, environment);
		String origin = (definition != null && definition.getOrigin() != null) ? " (" + definition.getOrigin() + ")"
				: "";
		Set<String> unresolved = placeholders(token);
		if (!unresolved.isEmpty()) {
			throw new PubSubConfigurationException(
					property + origin + " is " + asPlaceholders(unresolved)
							+ ", an unresolved placeholder: the client would send that text as a token.",
					"Set the environment variable " + String.join(" and ", unresolved) + " (or a property of that "
							+ "name) to the token, or remove " + property + " when a TwitchTokenProvider bean "
							+ "supplies tokens.");
		}
		if (!token.isBlank()) {
			return;
		}
		// Resolved to nothing: the placeholders of the definition name what is missing.
		// The definition holds no token, or the value would not be blank.
		Set<String> empty = (definition != null) ? placeholders(String.valueOf(definition.getValue())) : Set.of();
		String what = token.isEmpty() ? "empty" : "blank";
		if (!empty.isEmpty()) {
			throw new PubSubConfigurationException(
					property + origin + " is " + what + ": " + asPlaceholders(empty) + " resolved to nothing.",
					"Set the environment variable " + String.join(" and ", empty) + " (or a property of that name) "
							+ "to the token, or remove " + property + " when a TwitchTokenProvider bean supplies "
							+ "tokens.");
		}
		throw new PubSubConfigurationException(property + origin + " is " + what + ".",
				"Set " + property + " to the token, or remove it when a TwitchTokenProvider bean supplies tokens.");
	}

	private static Set<String> placeholders(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1).strip());
		}
		return names;
	}

	private static String asPlaceholders(Set<String> names) {
		return names.stream().map((name) -> "${" + name + "}").collect(Collectors.joining());
	}

	/** The definition that won, as Boot would bind it: the first source that has it. */
	private static @Nullable ConfigurationProperty definition(String property, Environment environment) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty definition = source.getConfigurationProperty(name);
			if (definition != null) {
				return definition;
			}
		}
		return null;
	}

}
