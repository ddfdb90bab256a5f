package io.github.twitchjvm.pubsub.testcontainers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The users, OAuth clients and tokens of a containerised fake server, the counterpart of
 * the in-process server's {@code TwitchAccounts}.
 */
public final class ContainerAccounts {

	private final ControlApi control;

	ContainerAccounts(ControlApi control) {
		this.control = control;
	}

	/**
	 * Registers a user, whose tokens can then be issued.
	 * @param userId the user's id
	 * @param login the user's login
	 */
	public void registerUser(String userId, String login) {
		this.control.post("/users", Map.of("user_id", userId, "login", login));
	}

	/**
	 * Registers an OAuth client besides the default one.
	 * @param clientId its id
	 * @param clientSecret its secret
	 */
	public void registerClient(String clientId, String clientSecret) {
		registerClient(clientId, clientSecret, List.of());
	}

	/**
	 * Registers an OAuth client with the redirect URIs its authorization page may send a
	 * browser back to (compared exactly; a client with none is sent back only to a
	 * loopback host).
	 * @param clientId its id
	 * @param clientSecret its secret
	 * @param redirectUris absolute {@code http} or {@code https} URIs
	 */
	public void registerClient(String clientId, String clientSecret, List<String> redirectUris) {
		this.control.post("/clients",
				Map.of("client_id", clientId, "client_secret", clientSecret, "redirect_uris", redirectUris));
	}

	/**
	 * Issues a token of a registered user to the default client.
	 * @param userId the user
	 * @param scopes the scopes it carries
	 * @param lifetime how long it is valid
	 * @return the token and its refresh token
	 */
	public Token issueToken(String userId, List<String> scopes, Duration lifetime) {
		JsonNode answer = this.control.post("/tokens",
				Map.of("user_id", userId, "scopes", scopes, "expires_in", Durations.secondsRoundedUp(lifetime)));
		List<String> granted = new ArrayList<>();
		answer.path("scope").forEach((scope) -> granted.add(scope.asString()));
		return new Token(answer.path("access_token").asString(), answer.path("refresh_token").asString(),
				List.copyOf(granted));
	}

	/**
	 * Makes a token expire now: PubSub answers {@code ERR_BADAUTH}, Helix 401.
	 * @param accessToken the token
	 * @return whether the token was known
	 */
	public boolean expire(String accessToken) {
		return this.control.post("/tokens/expire", Map.of("access_token", accessToken)).path("expired").asBoolean();
	}

	/**
	 * Revokes a token: its PubSub topics get {@code AUTH_REVOKED}.
	 * @param accessToken the token
	 * @return whether the token was known
	 */
	public boolean revoke(String accessToken) {
		return this.control.post("/tokens/revoke", Map.of("access_token", accessToken)).path("revoked").asBoolean();
	}

	/**
	 * A token issued by {@link #issueToken}. Its {@code toString} shows neither token.
	 *
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @param scopes the scopes it carries
	 */
	public record Token(String accessToken, String refreshToken, List<String> scopes) {

		@Override
		public String toString() {
			return "Token[scopes=" + this.scopes + "]";
		}

	}

}
