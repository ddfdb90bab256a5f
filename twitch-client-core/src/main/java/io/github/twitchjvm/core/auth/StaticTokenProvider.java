package io.github.twitchjvm.core.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Fixed tokens: one for every user, or one per user id. It cannot refresh; a refused
 * token then fails the subscription after one retry with the same token.
 */
public final class StaticTokenProvider implements TwitchTokenProvider {

	private final @Nullable AccessToken single;

	private final Map<String, AccessToken> byUser;

	private StaticTokenProvider(@Nullable AccessToken single, Map<String, AccessToken> byUser) {
		this.single = single;
		this.byUser = Map.copyOf(byUser);
	}

	/**
	 * One token for every user, scopes unknown.
	 * @param token the token
	 * @return the provider
	 */
	public static StaticTokenProvider of(String token) {
		return of(AccessToken.of(token));
	}

	/**
	 * One token for every user.
	 * @param token the token, with its scopes if known
	 * @return the provider
	 */
	public static StaticTokenProvider of(AccessToken token) {
		return new StaticTokenProvider(token, Map.of());
	}

	/**
	 * A token per user id; a request without a user (an undocumented PubSub topic) gets
	 * none.
	 * @param tokens the tokens by user id
	 * @return the provider
	 */
	public static StaticTokenProvider forUsers(Map<String, AccessToken> tokens) {
		return new StaticTokenProvider(null, tokens);
	}

	@Override
	public CompletionStage<AccessToken> token(@Nullable String userId) {
		AccessToken token = (this.single != null) ? this.single : (userId != null) ? this.byUser.get(userId) : null;
		if (token == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("No token for user " + userId));
		}
		return CompletableFuture.completedFuture(token);
	}

	@Override
	public boolean hasTokenFor(@Nullable String userId) {
		return this.single != null || (userId != null && this.byUser.containsKey(userId));
	}

	@Override
	public String toString() {
		return "StaticTokenProvider[" + ((this.single != null) ? "one token" : this.byUser.size() + " users") + "]";
	}

}
