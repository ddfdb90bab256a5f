package io.github.twitchjvm.eventsub.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.autoconfigure.TokenPropertyCheck;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@link EventSubConnectionDetails} from {@code twitch.eventsub.*}. The token and the
 * user fall back to {@code twitch.pubsub.access-token} and {@code twitch.pubsub.user-id},
 * so that a PubSub application moves to EventSub with its credentials as they are. The
 * static token serves the configured user only when a user is set.
 */
final class PropertiesEventSubConnectionDetails implements EventSubConnectionDetails {

	private final EventSubProperties properties;

	private final Environment environment;

	PropertiesEventSubConnectionDetails(EventSubProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public URI url() {
		return this.properties.getUrl();
	}

	@Override
	public URI helixUrl() {
		return this.properties.getHelixUrl();
	}

	@Override
	public String clientId() {
		String clientId = this.properties.getClientId();
		if (clientId == null || clientId.isBlank()) {
			throw new EventSubConfigurationException("EventSub has no client id: Helix refuses user tokens without it.",
					"Set " + EventSubProperties.PREFIX + ".client-id to your application's client id (the Twitch "
							+ "developer console shows it), or set " + EventSubProperties.PREFIX + ".enabled=false.");
		}
		return clientId.strip();
	}

	@Override
	public @Nullable TwitchTokenProvider tokenProvider() {
		String property = EventSubProperties.PREFIX + ".access-token";
		String token = this.properties.getAccessToken();
		if (token == null) {
			property = "twitch.pubsub.access-token";
			token = fallback(property);
		}
		if (token == null) {
			return null;
		}
		TokenPropertyCheck.check(property, token, this.environment);
		String userId = userId();
		return (userId != null) ? StaticTokenProvider.forUsers(Map.of(userId, AccessToken.of(token.strip())))
				: StaticTokenProvider.of(token.strip());
	}

	@Override
	public @Nullable String userId() {
		String userId = this.properties.getUserId();
		if (userId == null) {
			userId = fallback("twitch.pubsub.user-id");
		}
		return (userId != null && !userId.isBlank()) ? userId.strip() : null;
	}

	private @Nullable String fallback(String property) {
		return Binder.get(this.environment).bind(property, String.class).orElse(null);
	}

}
