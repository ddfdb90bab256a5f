package io.github.twitchjvm.core.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch access token as a request carries it: the bare token (never with the IRC-style
 * {@code oauth:} prefix), and, when known, its scopes and expiry. Its {@link #toString()}
 * never shows the token.
 *
 * @param value the token
 * @param scopes the scopes it carries, or {@code null} when unknown (then no scope check
 * happens before a request)
 * @param expiresAt when it expires, or {@code null} when unknown
 */
public record AccessToken(String value, @Nullable Set<String> scopes, @Nullable Instant expiresAt) {

	/**
	 * Checks the token and drops an {@code oauth:} prefix, which Twitch answers with
	 * {@code ERR_BADAUTH}.
	 */
	public AccessToken {
		Objects.requireNonNull(value, "value");
		if (value.regionMatches(true, 0, "oauth:", 0, 6)) {
			value = value.substring(6);
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException("An access token must not be blank");
		}
		scopes = (scopes != null) ? Set.copyOf(scopes) : null;
	}

	/**
	 * A token whose scopes and expiry are unknown.
	 * @param value the token
	 * @return the token
	 */
	public static AccessToken of(String value) {
		return new AccessToken(value, null, null);
	}

	/**
	 * A token with known scopes, so that a subscription needing another scope fails
	 * before anything is sent.
	 * @param value the token
	 * @param scopes its scopes
	 * @return the token
	 */
	public static AccessToken of(String value, Set<String> scopes) {
		return new AccessToken(value, scopes, null);
	}

	/**
	 * Whether the token is known to lack a scope. Unknown scopes lack nothing: the server
	 * decides.
	 * @param scope a scope such as {@code "whispers:read"}
	 * @return {@code true} only when the scopes are known and do not include it
	 */
	public boolean lacksScope(String scope) {
		return this.scopes != null && !this.scopes.contains(scope);
	}

	@Override
	public String toString() {
		return "AccessToken[value=***, scopes=" + this.scopes + ", expiresAt=" + this.expiresAt + "]";
	}

}
