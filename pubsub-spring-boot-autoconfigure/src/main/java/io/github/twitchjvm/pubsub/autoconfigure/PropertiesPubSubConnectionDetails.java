package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * {@link PubSubConnectionDetails} from {@code twitch.pubsub.*}: the static token serves
 * the configured user only when {@code user-id} is set (so that a topic of another user
 * fails at startup), every topic otherwise. A token that is empty, blank or an unresolved
 * placeholder fails the startup ({@link TokenPropertyCheck}).
 */
final class PropertiesPubSubConnectionDetails implements PubSubConnectionDetails {

	private final PubSubProperties properties;

	private final Environment environment;

	PropertiesPubSubConnectionDetails(PubSubProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public URI url() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable TwitchTokenProvider tokenProvider() {
		String token = this.properties.getAccessToken();
		if (token == null) {
			return null;
		}
		// Only now, when the token is used: a TwitchTokenProvider bean or other
		// connection details make the property irrelevant.
		TokenPropertyCheck.check(PubSubProperties.PREFIX + ".access-token", token, this.environment);
		String userId = userId();
		return (userId != null) ? StaticTokenProvider.forUsers(Map.of(userId, AccessToken.of(token.strip())))
				: StaticTokenProvider.of(token.strip());
	}

	/**
	 * {@code twitch.pubsub.user-id}, without surrounding spaces.
	 * @return the user id, or {@code null} when it is not set or blank
	 */
	@Override
	public @Nullable String userId() {
		String userId = this.properties.getUserId();
		return (userId != null && !userId.isBlank()) ? userId.strip() : null;
	}

}
