package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.github.twitchjvm.pubsub.auth.AccessToken;
import io.github.twitchjvm.pubsub.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

/**
 * {@link PubSubConnectionDetails} from {@code twitch.pubsub.*}: the static token serves the configured user only
 * when {@code user-id} is set (so that a topic of another user fails at startup), every topic otherwise.
 */
final class PropertiesPubSubConnectionDetails implements PubSubConnectionDetails {

	private final PubSubProperties properties;

	PropertiesPubSubConnectionDetails(PubSubProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI url() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable TwitchTokenProvider tokenProvider() {
		String token = this.properties.getAccessToken();
		if (token == null || token.isBlank()) {
			return null;
		}
		String userId = (this.properties.getUserId() != null) ? this.properties.getUserId().strip() : "";
		return (!userId.isEmpty()) ? StaticTokenProvider.forUsers(Map.of(userId, AccessToken.of(token.strip())))
				: StaticTokenProvider.of(token.strip());
	}

}
