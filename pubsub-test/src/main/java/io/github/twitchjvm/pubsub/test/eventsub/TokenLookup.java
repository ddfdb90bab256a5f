package io.github.twitchjvm.pubsub.test.eventsub;

import org.jspecify.annotations.Nullable;

/**
 * Finds a token in the fake server's token store ({@code TwitchAccounts}), so that Helix
 * accepts what the fake OAuth endpoints issue.
 */
@FunctionalInterface
public interface TokenLookup {

	/**
	 * Looks a token up.
	 * @param accessToken the bearer token of a request
	 * @return the token, or {@code null} if it is unknown, expired or revoked
	 */
	@Nullable HelixToken find(String accessToken);

}
