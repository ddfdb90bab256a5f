package io.github.twitchjvm.core.auth;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Supplies user access tokens. A client asks for the token of the user a subscription is
 * about (for PubSub the topic's first id, for EventSub the user the condition names), so
 * one connection can carry subscriptions of several users. Both methods are asynchronous
 * so that a provider may fetch or refresh over HTTP without blocking the client's engine;
 * return a completed stage when the token is at hand.
 */
public interface TwitchTokenProvider {

	/**
	 * The token to subscribe with.
	 * @param userId the user the subscription is about, or {@code null} when its owner is
	 * unknown (an undocumented PubSub topic)
	 * @return the token; a failed stage makes the subscription fail with an authorization
	 * error
	 */
	CompletionStage<AccessToken> token(@Nullable String userId);

	/**
	 * Called once when the server refused {@code rejected} (PubSub's {@code ERR_BADAUTH},
	 * Helix's 401): return a fresh token (for example after a refresh-token grant) and
	 * the client retries once with it.
	 * @param userId the user the subscription is about, or {@code null} when unknown
	 * @param rejected the token the server refused
	 * @return a new token; by default the same as {@link #token(String)}, so a provider
	 * that cannot refresh makes the retry fail the same way
	 */
	default CompletionStage<AccessToken> refresh(@Nullable String userId, AccessToken rejected) {
		return token(userId);
	}

	/**
	 * Whether this provider can ever supply a token for the user, without fetching one:
	 * the Spring integration asks at startup so that a listener for a user without a
	 * token fails the application early instead of failing its subscription later.
	 * @param userId the user a subscription is about, or {@code null} when unknown
	 * @return {@code true} unless the provider knows it has no token for the user;
	 * {@code true} by default
	 */
	default boolean hasTokenFor(@Nullable String userId) {
		return true;
	}

}
