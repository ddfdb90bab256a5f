package io.github.twitchjvm.pubsub.test;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A token the fake server issued, as it was when issued. {@link #toString()} never shows
 * the token strings.
 *
 * @param accessToken the access token a client sends in LISTEN's {@code auth_token}
 * @param refreshToken the refresh token, or {@code null} for an app access token
 * @param userId the user it belongs to, or {@code null} for an app access token
 * @param login that user's login, or {@code null} for an app access token
 * @param clientId the OAuth client it was issued to
 * @param scopes the scopes it carries
 * @param expiresAt when it expires
 */
public record IssuedToken(String accessToken, @Nullable String refreshToken, @Nullable String userId,
		@Nullable String login, String clientId, List<String> scopes, Instant expiresAt) {

	public IssuedToken {
		scopes = List.copyOf(scopes);
	}

	/**
	 * Whether this is an app access token (client credentials), which PubSub never
	 * accepts.
	 * @return {@code true} for an app access token
	 */
	public boolean isAppToken() {
		return this.userId == null;
	}

	@Override
	public String toString() {
		return "IssuedToken[userId=" + this.userId + ", login=" + this.login + ", clientId=" + this.clientId
				+ ", scopes=" + this.scopes + ", expiresAt=" + this.expiresAt + ", accessToken="
				+ mask(this.accessToken) + "]";
	}

	/**
	 * Masks a token for logs and inspection output.
	 * @param token a token
	 * @return {@code "***"} followed by nothing of the token
	 */
	static String mask(@Nullable String token) {
		return (token == null) ? "null" : "***";
	}

}
