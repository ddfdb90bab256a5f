package io.github.twitchjvm.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Twitch a known provider of Spring Security's OAuth2 client: an application writes
 * only {@code client-id}, {@code client-secret} and {@code scope} under
 * {@code spring.security.oauth2.client.registration.twitch} (or the registration
 * {@code twitch.pubsub.oauth2.registration-id} names); the provider's endpoints
 * ({@code spring.security.oauth2.client.provider.twitch.*}) and the registration's grant
 * and client authentication default to Twitch's, below every property the application
 * sets (a test points them at the fake server). The user's name is the Twitch user id,
 * read from Twitch's {@code /oauth2/validate}, so that authorized clients are stored by
 * the user id topics and conditions name.
 */
public final class TwitchProviderDefaults implements EnvironmentPostProcessor, Ordered {

	/** The provider id and default registration id. */
	public static final String TWITCH = "twitch";

	/** Twitch's OAuth base, {@code https://id.twitch.tv/oauth2}. */
	public static final String TWITCH_OAUTH = "https://id.twitch.tv/oauth2";

	private static final String PROVIDER = "spring.security.oauth2.client.provider.twitch.";

	private static final String REGISTRATION = "spring.security.oauth2.client.registration.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put(PROVIDER + "authorization-uri", TWITCH_OAUTH + "/authorize");
		defaults.put(PROVIDER + "token-uri", TWITCH_OAUTH + "/token");
		defaults.put(PROVIDER + "user-info-uri", TWITCH_OAUTH + "/validate");
		defaults.put(PROVIDER + "user-info-authentication-method", "header");
		defaults.put(PROVIDER + "user-name-attribute", "user_id");
		String registration = REGISTRATION
				+ environment.getProperty("twitch.pubsub.oauth2.registration-id", TWITCH).strip() + ".";
		// Only for a registration the application started: Boot refuses one without a
		// client id.
		if (environment.containsProperty(registration + "client-id")) {
			defaults.put(registration + "provider", TWITCH);
			defaults.put(registration + "authorization-grant-type", "authorization_code");
			defaults.put(registration + "client-authentication-method", "client_secret_post");
			defaults.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
		}
		environment.getPropertySources().addLast(new MapPropertySource("twitchOAuth2ProviderDefaults", defaults));
	}

	@Override
	public int getOrder() {
		// After the application's configuration is loaded, so that it is seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
