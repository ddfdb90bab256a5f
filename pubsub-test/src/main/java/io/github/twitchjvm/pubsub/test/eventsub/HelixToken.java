package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What Helix learns from a valid access token. No token string: it is never kept here.
 *
 * @param clientId the client the token was issued to
 * @param userId the token's user, or {@code null} for an app access token
 * @param scopes the scopes it carries
 */
public record HelixToken(String clientId, @Nullable String userId, List<String> scopes) {

	public HelixToken {
		scopes = List.copyOf(scopes);
	}

}
