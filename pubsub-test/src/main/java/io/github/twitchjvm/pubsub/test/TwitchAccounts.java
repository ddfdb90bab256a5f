package io.github.twitchjvm.pubsub.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.twitchjvm.pubsub.topic.TopicType;

import org.jspecify.annotations.Nullable;

/**
 * The fake server's users, OAuth clients and tokens: what its OAuth endpoints issue,
 * refresh, validate and revoke, and what LISTEN requests are checked against.
 * Thread-safe.
 *
 * <pre>{@code
 * server.accounts().registerUser("44322889", "dallas");
 * IssuedToken token = server.accounts().issueToken("44322889", List.of("whispers:read"));
 * }</pre>
 */
public final class TwitchAccounts {

	/** The client every token is issued to unless another is named. */
	public static final String DEFAULT_CLIENT_ID = "fakeclientid0000000000000000000";

	/** The secret of {@link #DEFAULT_CLIENT_ID}. */
	public static final String DEFAULT_CLIENT_SECRET = "fakeclientsecret00000000000000";

	/** Every scope a documented topic needs. */
	public static final List<String> ALL_SCOPES = Stream.of(TopicType.values())
		.map(TopicType::scope)
		.distinct()
		.sorted()
		.toList();

	/**
	 * The longest lifetime a token may be issued with: far beyond any test, and far from
	 * the end of {@link Instant}'s range.
	 */
	public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(3650);

	/**
	 * How many of the tokens it generated (OAuth grants and refreshes, control API and
	 * {@link #issueToken(String, Collection, Duration)}) the server keeps; past that, the
	 * oldest generated token is forgotten and fails as an unknown token from then on.
	 * Tokens issued with given strings (token files, demo users,
	 * {@link #issueToken(String, Collection, Duration, String, String, String)}) are
	 * always kept. Without a bound, a client asking for tokens in a loop would fill the
	 * heap.
	 */
	public static final int MAX_GENERATED_TOKENS = 10_000;

	/**
	 * How long an authorization code may wait for its exchange. Twitch documents no
	 * lifetime; ten minutes is the upper bound RFC 6749 recommends.
	 */
	public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

	/**
	 * Authorization codes kept for their exchange at most (the oldest forgotten first).
	 */
	public static final int MAX_PENDING_CODES = 1_000;

	private static final String TOKEN_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, String> logins = new ConcurrentHashMap<>();

	private final Map<String, String> clients = new ConcurrentHashMap<>();

	/** The redirect URIs registered per client; a client absent here has none. */
	private final Map<String, Set<String>> redirectUris = new ConcurrentHashMap<>();

	private final Map<String, TokenState> byAccessToken = new ConcurrentHashMap<>();

	private final Map<String, TokenState> byRefreshToken = new ConcurrentHashMap<>();

	/** Generated access tokens, oldest first; guarded by itself, as is every store. */
	private final ArrayDeque<String> generatedTokens = new ArrayDeque<>();

	private final List<Consumer<IssuedToken>> revocationListeners = new CopyOnWriteArrayList<>();

	/** Authorization codes not exchanged yet, oldest first (guarded by itself). */
	private final Map<String, PendingCode> codes = new LinkedHashMap<>();

	private volatile @Nullable String approvingUser;

	private final Duration defaultLifetime;

	private final Clock clock;

	TwitchAccounts(Duration defaultLifetime, Clock clock) {
		this.defaultLifetime = defaultLifetime;
		this.clock = clock;
		this.clients.put(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
	}

	/**
	 * Registers (or renames) a user.
	 * @param userId the numeric user id
	 * @param login the login name
	 */
	public void registerUser(String userId, String login) {
		this.logins.put(userId, login);
	}

	/**
	 * Registers an OAuth client for the token, refresh and revoke endpoints.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 */
	public void registerClient(String clientId, String clientSecret) {
		this.clients.put(clientId, clientSecret);
	}

	/**
	 * Registers an OAuth client with its redirect URIs (see
	 * {@link #registerRedirectUri(String, String)}); nothing is registered if one of the
	 * URIs is invalid.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @param redirectUris its redirect URIs
	 * @throws IllegalArgumentException if a URI is not one Twitch would register
	 */
	public void registerClient(String clientId, String clientSecret, Collection<String> redirectUris) {
		redirectUris.forEach(TwitchAccounts::requireRedirectUri);
		registerClient(clientId, clientSecret);
		redirectUris.forEach((uri) -> registerRedirectUri(clientId, uri));
	}

	/**
	 * Registers a redirect URI of a client, as an application's OAuth redirect URLs are
	 * registered in Twitch's developer console: from then on
	 * {@code GET /oauth2/authorize} sends the browser back only to a URI registered for
	 * the client (compared exactly) and answers any other with 400 and no redirect. A
	 * client with no registered URI accepts any {@code http} or {@code https} URI on a
	 * loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) on any port, so
	 * that a test on a random port needs no setup, and never redirects anywhere else.
	 * @param clientId a registered client
	 * @param redirectUri an absolute {@code http} or {@code https} URI without a fragment
	 * @throws IllegalArgumentException if the client is unknown or the URI is not one
	 * Twitch would register
	 */
	public void registerRedirectUri(String clientId, String redirectUri) {
		if (!this.clients.containsKey(clientId)) {
			throw new IllegalArgumentException("Unknown client " + clientId + "; register it first");
		}
		requireRedirectUri(redirectUri);
		this.redirectUris.computeIfAbsent(clientId, (id) -> ConcurrentHashMap.newKeySet()).add(redirectUri);
	}

	private static void requireRedirectUri(String redirectUri) {
		if (RedirectUris.parse(redirectUri) == null) {
			throw new IllegalArgumentException(
					"A redirect URI must be an absolute http or https URI with a host and no fragment");
		}
	}

	/**
	 * Whether {@code GET /oauth2/authorize} may send the browser back to a URI for a
	 * client (see {@link #registerRedirectUri(String, String)}).
	 */
	boolean acceptsRedirect(String clientId, String redirectUri) {
		Set<String> registered = this.redirectUris.get(clientId);
		if (registered != null && !registered.isEmpty()) {
			return registered.contains(redirectUri);
		}
		return RedirectUris.isLoopback(RedirectUris.parse(redirectUri));
	}

	/**
	 * Issues a user access token with the default lifetime to the default client.
	 * @param userId a registered user
	 * @param scopes the scopes it carries
	 * @return the token
	 * @throws IllegalArgumentException if the user is not registered
	 */
	public IssuedToken issueToken(String userId, Collection<String> scopes) {
		return issueToken(userId, scopes, this.defaultLifetime);
	}

	/**
	 * Issues a user access token to the default client.
	 * @param userId a registered user
	 * @param scopes the scopes it carries
	 * @param lifetime how long it is valid, at most {@link #MAX_TOKEN_LIFETIME}
	 * @return the token
	 * @throws IllegalArgumentException if the user is not registered or the lifetime is
	 * not positive or too long
	 */
	public IssuedToken issueToken(String userId, Collection<String> scopes, Duration lifetime) {
		return issue(userId, scopes, lifetime, newToken(), newToken(), DEFAULT_CLIENT_ID, true);
	}

	/**
	 * Issues a user access token with given token strings, for token files and fixed demo
	 * tokens.
	 * @param userId a registered user
	 * @param scopes the scopes it carries
	 * @param lifetime how long it is valid, at most {@link #MAX_TOKEN_LIFETIME}
	 * @param accessToken the access token string
	 * @param refreshToken the refresh token string
	 * @param clientId a registered client
	 * @return the token
	 * @throws IllegalArgumentException if the user or client is not registered, a token
	 * string is taken or the lifetime is not positive or too long
	 */
	public IssuedToken issueToken(String userId, Collection<String> scopes, Duration lifetime, String accessToken,
			String refreshToken, String clientId) {
		return issue(userId, scopes, lifetime, accessToken, refreshToken, clientId, false);
	}

	private IssuedToken issue(String userId, Collection<String> scopes, Duration lifetime, String accessToken,
			String refreshToken, String clientId, boolean generated) {
		requireLifetime(lifetime);
		String login = this.logins.get(userId);
		if (login == null) {
			throw new IllegalArgumentException("Unknown user " + userId + "; register it first");
		}
		if (!this.clients.containsKey(clientId)) {
			throw new IllegalArgumentException("Unknown client " + clientId + "; register it first");
		}
		IssuedToken token = new IssuedToken(accessToken, refreshToken, userId, login, clientId, List.copyOf(scopes),
				this.clock.instant().plus(lifetime));
		store(token, generated);
		return token;
	}

	/**
	 * Chooses who approves the authorization requests of {@code GET /oauth2/authorize}:
	 * on Twitch a person logs in and clicks Authorize; the fake has nobody to ask, so it
	 * approves as this user at once, or denies ({@code error=access_denied}) when there
	 * is none (the default).
	 * @param userId a registered user, or {@code null} to deny every request
	 * @throws IllegalArgumentException if the user is not registered
	 */
	public void approveAuthorizationsAs(@Nullable String userId) {
		if (userId != null && !this.logins.containsKey(userId)) {
			throw new IllegalArgumentException("Unknown user " + userId + "; register it first");
		}
		this.approvingUser = userId;
	}

	/**
	 * The user who approves authorization requests.
	 * @return the user id, or {@code null} when requests are denied
	 */
	public @Nullable String approvingUser() {
		return this.approvingUser;
	}

	/**
	 * Remembers an approved authorization request until its code is exchanged (once,
	 * within {@link #CODE_LIFETIME}).
	 * @return the code
	 */
	String issueCode(String clientId, String redirectUri, List<String> scopes, String userId) {
		String code = newToken();
		synchronized (this.codes) {
			this.codes.put(code, new PendingCode(clientId, redirectUri, List.copyOf(scopes), userId,
					this.clock.instant().plus(CODE_LIFETIME)));
			Iterator<String> oldest = this.codes.keySet().iterator();
			while (this.codes.size() > MAX_PENDING_CODES) {
				oldest.next();
				oldest.remove();
			}
		}
		return code;
	}

	/**
	 * Exchanges an authorization code for the user's tokens, as Twitch's token endpoint
	 * does: once, for the client it was issued to and the same redirect URI.
	 * @return the tokens, or {@code null} if the code is unknown, spent, expired, or was
	 * issued to another client or redirect URI (the code is spent either way)
	 */
	@Nullable IssuedToken exchangeCode(String code, String clientId, @Nullable String redirectUri) {
		PendingCode pending;
		synchronized (this.codes) {
			pending = this.codes.remove(code);
		}
		if (pending == null || !pending.clientId().equals(clientId) || !pending.redirectUri().equals(redirectUri)
				|| !this.clock.instant().isBefore(pending.expiresAt())) {
			return null;
		}
		return issue(pending.userId(), pending.scopes(), this.defaultLifetime, newToken(), newToken(), clientId, true);
	}

	/**
	 * Checks a token lifetime.
	 * @param lifetime the lifetime
	 * @throws IllegalArgumentException if it is not positive or longer than
	 * {@link #MAX_TOKEN_LIFETIME}
	 */
	static void requireLifetime(Duration lifetime) {
		if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0) {
			throw new IllegalArgumentException(
					"A token lifetime must be positive and at most " + MAX_TOKEN_LIFETIME.toDays() + " days");
		}
	}

	/**
	 * Makes a token expire now: LISTENs with it fail with {@code ERR_BADAUTH} and
	 * {@code /oauth2/validate} answers 401. Topics already listened with it keep
	 * receiving, as on Twitch.
	 * @param accessToken the access token
	 * @return whether the token was known
	 */
	public boolean expire(String accessToken) {
		TokenState state = this.byAccessToken.get(accessToken);
		if (state == null) {
			return false;
		}
		state.expiresAt = this.clock.instant().minusSeconds(1);
		return true;
	}

	/**
	 * Revokes a token, as {@code POST /oauth2/revoke} does: it stops working, and every
	 * topic listened with it receives {@code AUTH_REVOKED}.
	 * @param accessToken the access token
	 * @return whether the token was known and not yet revoked
	 */
	public boolean revoke(String accessToken) {
		TokenState state = this.byAccessToken.get(accessToken);
		if (state == null || state.revoked) {
			return false;
		}
		state.revoked = true;
		if (state.token.refreshToken() != null) {
			this.byRefreshToken.remove(state.token.refreshToken());
		}
		this.revocationListeners.forEach((listener) -> listener.accept(state.token));
		return true;
	}

	/**
	 * The tokens issued so far, including refreshed and revoked ones, except generated
	 * tokens forgotten past {@link #MAX_GENERATED_TOKENS}.
	 * @return the tokens as issued
	 */
	public List<IssuedToken> tokens() {
		return this.byAccessToken.values().stream().map((state) -> state.token).toList();
	}

	/**
	 * The login of a registered user.
	 * @param userId the user id
	 * @return the login, or {@code null} if the user is not registered
	 */
	public @Nullable String login(String userId) {
		return this.logins.get(userId);
	}

	void onRevoke(Consumer<IssuedToken> listener) {
		this.revocationListeners.add(listener);
	}

	/** What the server knows about an access token now. */
	TokenCheck check(@Nullable String accessToken) {
		TokenState state = (accessToken != null) ? this.byAccessToken.get(accessToken) : null;
		if (state == null) {
			return new TokenCheck(TokenCheck.Status.UNKNOWN, null, Duration.ZERO);
		}
		if (state.revoked) {
			return new TokenCheck(TokenCheck.Status.REVOKED, state.token, Duration.ZERO);
		}
		Duration remaining = Duration.between(this.clock.instant(), state.expiresAt);
		if (remaining.isNegative() || remaining.isZero()) {
			return new TokenCheck(TokenCheck.Status.EXPIRED, state.token, Duration.ZERO);
		}
		return new TokenCheck(TokenCheck.Status.VALID, state.token, remaining);
	}

	ClientCheck checkClient(@Nullable String clientId, @Nullable String clientSecret) {
		String secret = (clientId != null) ? this.clients.get(clientId) : null;
		if (secret == null) {
			return ClientCheck.UNKNOWN;
		}
		return secret.equals(clientSecret) ? ClientCheck.VALID : ClientCheck.WRONG_SECRET;
	}

	/**
	 * Exchanges a refresh token for a new access token and a new refresh token; the old
	 * refresh token stops working, as Twitch rotates them. The old access token stays
	 * valid until it expires.
	 */
	@Nullable IssuedToken refresh(String refreshToken, String clientId) {
		TokenState state = this.byRefreshToken.remove(refreshToken);
		if (state == null || state.revoked || !state.token.clientId().equals(clientId)) {
			return null;
		}
		IssuedToken old = state.token;
		IssuedToken renewed = new IssuedToken(newToken(), newToken(), old.userId(), old.login(), clientId, old.scopes(),
				this.clock.instant().plus(this.defaultLifetime));
		store(renewed, true);
		return renewed;
	}

	IssuedToken issueAppToken(String clientId, List<String> scopes) {
		IssuedToken token = new IssuedToken(newToken(), null, null, null, clientId, scopes,
				this.clock.instant().plus(Duration.ofDays(60)));
		store(token, true);
		return token;
	}

	Duration defaultLifetime() {
		return this.defaultLifetime;
	}

	private void store(IssuedToken token, boolean generated) {
		TokenState state = new TokenState(token);
		synchronized (this.generatedTokens) {
			if (this.byAccessToken.putIfAbsent(token.accessToken(), state) != null) {
				throw new IllegalArgumentException("Access token already issued");
			}
			if (token.refreshToken() != null) {
				this.byRefreshToken.put(token.refreshToken(), state);
			}
			if (generated) {
				this.generatedTokens.addLast(token.accessToken());
				while (this.generatedTokens.size() > MAX_GENERATED_TOKENS) {
					forget(this.generatedTokens.removeFirst());
				}
			}
		}
	}

	private void forget(String accessToken) {
		TokenState state = this.byAccessToken.remove(accessToken);
		String refreshToken = (state != null) ? state.token.refreshToken() : null;
		if (refreshToken != null) {
			this.byRefreshToken.remove(refreshToken, state);
		}
	}

	private String newToken() {
		char[] token = new char[30];
		for (int i = 0; i < token.length; i++) {
			token[i] = TOKEN_CHARACTERS.charAt(this.random.nextInt(TOKEN_CHARACTERS.length()));
		}
		return new String(token);
	}

	/** An approved authorization request whose code was not exchanged yet. */
	private record PendingCode(String clientId, String redirectUri, List<String> scopes, String userId,
			Instant expiresAt) {
	}

	/** The mutable side of a token: the record stays as issued. */
	private static final class TokenState {

		private final IssuedToken token;

		private volatile Instant expiresAt;

		private volatile boolean revoked;

		TokenState(IssuedToken token) {
			this.token = token;
			this.expiresAt = token.expiresAt();
		}

	}

	/** The state of an access token at one moment. */
	record TokenCheck(Status status, @Nullable IssuedToken token, Duration remaining) {

		enum Status {

			VALID, EXPIRED, REVOKED, UNKNOWN

		}

		boolean isValid() {
			return this.status == Status.VALID;
		}

	}

	enum ClientCheck {

		VALID, UNKNOWN, WRONG_SECRET

	}

}
