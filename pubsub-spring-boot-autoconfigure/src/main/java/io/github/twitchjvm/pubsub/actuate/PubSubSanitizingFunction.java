package io.github.twitchjvm.pubsub.actuate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Hides the starter's secrets in the {@code env} and {@code configprops} endpoints even
 * with {@code show-values=always}, which otherwise shows every value as it is. Hidden
 * ({@value SanitizableData#SANITIZED_VALUE}) are:
 * <ul>
 * <li>every property under {@code twitch.pubsub} or {@code twitch.eventsub} whose name
 * holds "token", "secret", "password" or "credential", in any of its spellings
 * ({@code twitch.pubsub.access-token}, {@code accessToken},
 * {@code TWITCH_PUBSUB_ACCESS_TOKEN}, {@code twitch.eventsub.access-token}, and the
 * OAuth2 client registrations' {@code client-secret} the tokens come from), today's
 * ({@code access-token}) and those OAuth properties will add
 * ({@code twitch.pubsub.oauth.client-secret}, {@code ...refresh-token});</li>
 * <li>any property, whatever its name, whose value is one of those secrets: the README's
 * {@code access-token: ${TWITCH_ACCESS_TOKEN}} leaves the token itself in the environment
 * variable {@code TWITCH_ACCESS_TOKEN}, which {@code env} lists too.</li>
 * </ul>
 * The secrets are read from the environment at most once a second (an endpoint asks for
 * every property it shows), so a value that changes is still hidden.
 */
public final class PubSubSanitizingFunction implements SanitizingFunction {

	/** The starter's property prefixes, in letters only: both protocols'. */
	private static final List<String> PREFIXES = List.of("twitchpubsub", "twitcheventsub",
			"springsecurityoauth2clientregistration");

	private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "credential");

	/** How long the secrets read from the environment are reused. */
	private static final long REREAD_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Environment environment;

	private volatile @Nullable Secrets secrets;

	/**
	 * Creates the function.
	 * @param environment where the secrets' values are looked up
	 */
	public PubSubSanitizingFunction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Predicate<SanitizableData> filter() {
		return (data) -> isSecretName(data.getKey()) || isSecretValue(data.getValue());
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return data.withSanitizedValue();
	}

	/**
	 * Whether a property of the starter holds a secret, by its name in any spelling.
	 * @param name the property's name, as a property source or the endpoint spells it
	 * @return whether its value must not be shown
	 */
	static boolean isSecretName(String name) {
		String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		for (String prefix : PREFIXES) {
			if (letters.startsWith(prefix)) {
				String rest = letters.substring(prefix.length());
				return SECRET_WORDS.stream().anyMatch(rest::contains);
			}
		}
		return false;
	}

	private boolean isSecretValue(@Nullable Object value) {
		if (value == null) {
			return false;
		}
		String text = value.toString().strip();
		return !text.isEmpty() && currentSecretValues().contains(text);
	}

	private Set<String> currentSecretValues() {
		long now = System.nanoTime();
		Secrets known = this.secrets;
		if (known == null || now - known.readAt() > REREAD_NANOS) {
			known = new Secrets(secretValues(), now);
			this.secrets = known;
		}
		return known.values();
	}

	/**
	 * The values of the starter's secret properties as bound: placeholders resolved, so
	 * that the variable a placeholder points to is recognised by its value.
	 */
	private Set<String> secretValues() {
		Set<String> values = new HashSet<>();
		Binder binder = Binder.get(this.environment);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter((name) -> isSecretName(name.toString()))
					.forEach((name) -> addBound(binder, name, values));
			}
		}
		return values;
	}

	private record Secrets(Set<String> values, long readAt) {
	}

	private static void addBound(Binder binder, ConfigurationPropertyName name, Set<String> values) {
		binder.bind(name, Bindable.of(String.class)).ifBound((value) -> {
			String secret = value.strip();
			// An unresolved placeholder is no secret, and the same text may well
			// appear elsewhere.
			if (!secret.isEmpty() && !secret.contains("${")) {
				values.add(secret);
			}
		});
	}

}
