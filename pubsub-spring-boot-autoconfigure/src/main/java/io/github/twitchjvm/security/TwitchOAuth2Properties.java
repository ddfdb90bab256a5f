package io.github.twitchjvm.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Twitch clients take their tokens from Spring Security's OAuth2 client, under
 * {@code twitch.pubsub.oauth2} (they serve EventSub too).
 */
@ConfigurationProperties("twitch.pubsub.oauth2")
public class TwitchOAuth2Properties {

	/**
	 * The client registration (spring.security.oauth2.client.registration.<id>) whose
	 * authorized clients hold the users' tokens.
	 */
	private String registrationId = TwitchProviderDefaults.TWITCH;

	/**
	 * Refresh tokens of users who authorized the application elsewhere, by Twitch user
	 * id: exchanged for access tokens at startup and kept like a login's, for servers
	 * without a browser. Leave the values to the environment (e.g.
	 * ${TWITCH_REFRESH_TOKEN}).
	 */
	private Map<String, String> refreshTokens = new LinkedHashMap<>();

	/**
	 * Where the users' authorized clients (with the refresh tokens Twitch rotates) are
	 * kept: "memory" (lost on restart) or "jdbc" (the application's database, through its
	 * JdbcOperations bean; the table is created when missing).
	 */
	private Store store = Store.MEMORY;

	/**
	 * How often the tokens handed out are validated with Twitch (GET /oauth2/validate,
	 * which Twitch requires hourly); they are also validated when the application starts.
	 */
	private Duration validationInterval = Duration.ofHours(1);

	/**
	 * Whether the users log in with Twitch (oauth2Login) after the application started: a
	 * listener for a user who has not authorized the application yet does not fail the
	 * startup, and its subscriptions wait for the login (start the client then, or leave
	 * it stopped until then: twitch.eventsub.auto-startup=false). Off by default, so that
	 * a missing authorization fails the startup early.
	 */
	private boolean awaitLogin;

	public String getRegistrationId() {
		return this.registrationId;
	}

	public void setRegistrationId(String registrationId) {
		this.registrationId = registrationId;
	}

	public Duration getValidationInterval() {
		return this.validationInterval;
	}

	public void setValidationInterval(Duration validationInterval) {
		this.validationInterval = validationInterval;
	}

	public boolean isAwaitLogin() {
		return this.awaitLogin;
	}

	public void setAwaitLogin(boolean awaitLogin) {
		this.awaitLogin = awaitLogin;
	}

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Map<String, String> getRefreshTokens() {
		return this.refreshTokens;
	}

	public void setRefreshTokens(Map<String, String> refreshTokens) {
		this.refreshTokens = refreshTokens;
	}

	/** Where authorized clients are kept. */
	public enum Store {

		/** In memory: lost on restart. */
		MEMORY,

		/** In the application's database. */
		JDBC

	}

}
