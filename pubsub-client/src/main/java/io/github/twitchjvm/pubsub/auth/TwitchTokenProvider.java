package io.github.twitchjvm.pubsub.auth;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the access token for each topic's user. The client asks for the token of the user a topic names (its
 * first id: the channel, or the moderator or current user of two-id topics), so one connection can carry topics of
 * several users. Both methods are asynchronous so that a provider may fetch or refresh over HTTP without blocking
 * the client; return a completed stage when the token is at hand.
 */
public interface TwitchTokenProvider {

	/**
	 * The token to LISTEN with.
	 * @param userId the user the topic names, or {@code null} for an undocumented topic whose owner is unknown
	 * @return the token; a failed stage makes the LISTEN fail with an authorization error
	 */
	CompletionStage<AccessToken> token(@Nullable String userId);

	/**
	 * Called once when the server answered {@code ERR_BADAUTH} to a LISTEN with {@code rejected}: return a fresh
	 * token (for example after a refresh-token grant) and the client retries once with it.
	 * @param userId the user the topic names, or {@code null} for an undocumented topic
	 * @param rejected the token the server refused
	 * @return a new token; by default the same as {@link #token(String)}, so a provider that cannot refresh makes
	 * the retry fail the same way
	 */
	default CompletionStage<AccessToken> refresh(@Nullable String userId, AccessToken rejected) {
		return token(userId);
	}

	/**
	 * Whether this provider can ever supply a token for the user, without fetching one: the Spring integration
	 * asks at startup so that a listener for a user without a token fails the application early instead of
	 * failing its LISTEN later.
	 * @param userId the user a topic names, or {@code null} for an undocumented topic
	 * @return {@code true} unless the provider knows it has no token for the user; {@code true} by default
	 */
	default boolean hasTokenFor(@Nullable String userId) {
		return true;
	}

}
