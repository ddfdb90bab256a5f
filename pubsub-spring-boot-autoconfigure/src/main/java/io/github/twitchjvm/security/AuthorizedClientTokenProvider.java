package io.github.twitchjvm.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.log.LogText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Twitch tokens from Spring Security's OAuth2 client: each user's authorized client of
 * one registration, stored by the Twitch user id in an
 * {@link OAuth2AuthorizedClientService} (in memory, or JDBC to keep them across
 * restarts). An expired or nearly expired token is refreshed before it is handed out, and
 * a token Twitch refused ({@code ERR_BADAUTH}, Helix 401) is refreshed at once; the
 * rotated refresh token Twitch returns is saved through the service. Works without an
 * HTTP request: the calls run on an executor of their own, never on a client's engine
 * thread.
 */
public final class AuthorizedClientTokenProvider implements TwitchTokenProvider {

	/** The name of the token thread's threads. */
	static final String THREAD_NAME = "twitch-oauth2";

	private static final int MAX_NAMED_AWAITED = 100;

	private static final Logger logger = LoggerFactory.getLogger(AuthorizedClientTokenProvider.class);

	/** Refresh this long before the token expires. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private final String registrationId;

	private final ClientRegistrationRepository registrations;

	private final OAuth2AuthorizedClientService clients;

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final Executor executor;

	private final BiConsumer<String, String> authorizationLost;

	/**
	 * The tokens handed out last, by user: one still valid is handed out again at once,
	 * without a store read (the engines ask on their own threads) (any thread).
	 */
	private final Map<String, AccessToken> handedOut = new ConcurrentHashMap<>();

	/** Whether users not authorized yet will log in ({@link #awaitLogin()}). */
	private volatile boolean awaitLogin;

	/**
	 * The users awaited so far, each named once in the log (at most
	 * {@value #MAX_NAMED_AWAITED}: an application has a handful).
	 */
	private final Set<String> namedAwaited = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the provider.
	 * @param registrationId the registration whose authorized clients hold the tokens,
	 * {@code twitch} by default
	 * @param registrations the client registrations
	 * @param clients where authorized clients are kept, by Twitch user id
	 * @param executor where token requests run (they may call Twitch's token endpoint):
	 * one thread, since Twitch rotates refresh tokens and two refreshes of one user at
	 * once would spend the same refresh token twice
	 */
	public AuthorizedClientTokenProvider(String registrationId, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients, Executor executor) {
		this(registrationId, registrations, clients, executor, (userId, reason) -> {
		});
	}

	/**
	 * Creates the provider, telling someone of every user who must authorize the
	 * application again.
	 * @param registrationId the registration whose authorized clients hold the tokens
	 * @param registrations the client registrations
	 * @param clients where authorized clients are kept, by Twitch user id
	 * @param executor where token requests run: one thread
	 * @param authorizationLost told the user id and the reason (no token in it) when
	 * Twitch refused a user's refresh token, on the token thread
	 */
	public AuthorizedClientTokenProvider(String registrationId, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService clients, Executor executor, BiConsumer<String, String> authorizationLost) {
		this.authorizationLost = authorizationLost;
		this.registrationId = registrationId;
		this.registrations = registrations;
		this.clients = clients;
		this.executor = executor;
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setAccessTokenResponseClient(TwitchTokenResponses.refreshTokenClient());
		refresh.setClockSkew(CLOCK_SKEW);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
		this.manager.setAuthorizedClientProvider(refresh);
	}

	@Override
	public CompletionStage<AccessToken> token(@Nullable String userId) {
		if (userId == null) {
			return CompletableFuture
				.failedFuture(new IllegalStateException("An OAuth2 token belongs to a user; this request names none"));
		}
		AccessToken cached = this.handedOut.get(userId);
		if (cached != null
				&& (cached.expiresAt() == null || cached.expiresAt().isAfter(Instant.now().plus(CLOCK_SKEW)))) {
			return CompletableFuture.completedFuture(cached);
		}
		return CompletableFuture.supplyAsync(() -> authorize(userId), this.executor);
	}

	/**
	 * The tokens handed out, by user, for validation.
	 * @return a copy
	 */
	Map<String, AccessToken> handedOut() {
		return Map.copyOf(this.handedOut);
	}

	/**
	 * Forgets a user's token: Twitch no longer takes it (its validation answered 401), or
	 * the user is gone.
	 * @param userId the user
	 */
	void forget(String userId) {
		this.handedOut.remove(userId);
	}

	@Override
	public CompletionStage<AccessToken> refresh(@Nullable String userId, AccessToken rejected) {
		if (userId == null) {
			return token(null);
		}
		this.handedOut.remove(userId, rejected);
		return CompletableFuture.supplyAsync(() -> {
			OAuth2AuthorizedClient current = this.clients.loadAuthorizedClient(this.registrationId, userId);
			if (current != null && !current.getAccessToken().getTokenValue().equals(rejected.value())) {
				// Refreshed by someone else meanwhile (refreshed again if it expired
				// since).
				return authorize(userId);
			}
			if (current != null) {
				this.clients.saveAuthorizedClient(expired(current), principal(userId));
			}
			return authorize(userId);
		}, this.executor);
	}

	/**
	 * Whether a user's token can be had: the user's authorization is stored, or, after
	 * {@link #awaitLogin()}, any user, who may still log in.
	 */
	@Override
	public boolean hasTokenFor(@Nullable String userId) {
		if (userId == null) {
			return false;
		}
		if (isStored(userId)) {
			return true;
		}
		if (this.awaitLogin && this.namedAwaited.size() < MAX_NAMED_AWAITED && this.namedAwaited.add(userId)) {
			// Said once, at the start: from here on the user's listeners wait quietly.
			logger.warn(
					"Twitch user {} has not logged in yet (twitch.pubsub.oauth2.await-login=true): their "
							+ "subscriptions start once they log in with Twitch at /oauth2/authorization/{}",
					LogText.safe(userId), LogText.safe(this.registrationId));
		}
		return this.awaitLogin;
	}

	/**
	 * Users of this application log in with Twitch after it started: a user not
	 * authorized yet counts as one who will have a token ({@link #hasTokenFor(String)}),
	 * so that listeners for them do not fail the startup; until the login, a token asked
	 * for fails with {@link TwitchUserNotAuthorizedException}.
	 */
	public void awaitLogin() {
		this.awaitLogin = true;
	}

	/**
	 * Stores a user's refresh token, authorized elsewhere (a server without a browser),
	 * and exchanges it for an access token at once, so that a refused one fails here;
	 * from then on the user's tokens are kept and refreshed like a login's. Blocks for
	 * the exchange: call it from the application's own thread, not a client's.
	 * @param userId the Twitch user the refresh token belongs to
	 * @param refreshToken the refresh token
	 * @return the user's first access token
	 * @throws TwitchUserNotAuthorizedException if Twitch refused the refresh token
	 */
	public AccessToken seed(String userId, String refreshToken) {
		if (Thread.currentThread().getName().startsWith(THREAD_NAME)) {
			return seedNow(userId, refreshToken);
		}
		// On the token thread, so that it cannot race a refresh of the same user.
		try {
			return CompletableFuture.supplyAsync(() -> seedNow(userId, refreshToken), this.executor)
				.get(1, TimeUnit.MINUTES);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException("Could not seed the token of user " + userId, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while seeding the token of user " + userId, ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Seeding the token of user " + userId + " took over a minute", ex);
		}
	}

	/**
	 * Whether a user's authorization is stored, for the startup's seeding: a restart must
	 * not replace the rotated refresh token the store keeps with a spent seed.
	 * @param userId the user
	 * @return whether one is stored
	 */
	boolean isStored(String userId) {
		return this.clients.loadAuthorizedClient(this.registrationId, userId) != null;
	}

	private AccessToken seedNow(String userId, String refreshToken) {
		ClientRegistration registration = this.registrations.findByRegistrationId(this.registrationId);
		if (registration == null) {
			throw new IllegalStateException("There is no OAuth2 client registration '" + this.registrationId + "'");
		}
		Instant now = Instant.now();
		OAuth2AuthorizedClient seeded = new OAuth2AuthorizedClient(registration, userId,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "seeded", now.minusSeconds(7200),
						now.minusSeconds(3600)),
				new OAuth2RefreshToken(refreshToken, null));
		this.clients.saveAuthorizedClient(seeded, principal(userId));
		return authorize(userId);
	}

	private AccessToken authorize(String userId) {
		OAuth2AuthorizedClient client;
		try {
			client = this.manager.authorize(
					OAuth2AuthorizeRequest.withClientRegistrationId(this.registrationId).principal(userId).build());
		}
		catch (OAuth2AuthorizationException ex) {
			this.handedOut.remove(userId);
			if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
				// Spring Security removed the authorized client: only a new authorization
				// helps.
				TwitchUserNotAuthorizedException lost = new TwitchUserNotAuthorizedException(userId,
						"Twitch refused the refresh token of user " + userId + " (" + ex.getError().getDescription()
								+ "): the user must authorize the application again (" + howToAuthorize() + ")");
				this.authorizationLost.accept(userId, String.valueOf(lost.getMessage()));
				throw lost;
			}
			// Twitch unreachable, an outage, a refused client: the authorization stays,
			// and the next request tries again.
			throw new IllegalStateException("Could not refresh the token of Twitch user " + userId + ": "
					+ ex.getError().getErrorCode() + " " + ex.getError().getDescription(), ex);
		}
		if (client == null) {
			this.handedOut.remove(userId);
			throw new TwitchUserNotAuthorizedException(userId, "No OAuth2 authorization of Twitch user " + userId
					+ " in registration '" + this.registrationId + "': " + howToAuthorize());
		}
		AccessToken token = toAccessToken(client);
		this.handedOut.put(userId, token);
		return token;
	}

	private String howToAuthorize() {
		return "log in with Twitch at /oauth2/authorization/" + this.registrationId
				+ ", or seed the user's refresh token (twitch.pubsub.oauth2.refresh-tokens)";
	}

	private static AccessToken toAccessToken(OAuth2AuthorizedClient client) {
		OAuth2AccessToken token = client.getAccessToken();
		Set<String> scopes = token.getScopes();
		return new AccessToken(token.getTokenValue(), scopes.isEmpty() ? null : Set.copyOf(scopes),
				token.getExpiresAt());
	}

	/**
	 * The same client with an access token past its expiry: the next authorize refreshes.
	 */
	private static OAuth2AuthorizedClient expired(OAuth2AuthorizedClient client) {
		OAuth2AccessToken token = client.getAccessToken();
		Instant now = Instant.now();
		return new OAuth2AuthorizedClient(
				client.getClientRegistration(), client.getPrincipalName(), new OAuth2AccessToken(token.getTokenType(),
						token.getTokenValue(), now.minusSeconds(7200), now.minusSeconds(3600), token.getScopes()),
				client.getRefreshToken());
	}

	/** Authorized clients are stored by the principal's name: the Twitch user id. */
	private static Authentication principal(String userId) {
		return UsernamePasswordAuthenticationToken.unauthenticated(userId, null);
	}

	@Override
	public String toString() {
		return "AuthorizedClientTokenProvider[registration " + this.registrationId + "]";
	}

}
