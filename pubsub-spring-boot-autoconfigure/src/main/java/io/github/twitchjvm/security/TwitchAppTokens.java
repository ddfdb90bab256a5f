package io.github.twitchjvm.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * The application's own access token (client credentials), for what needs one rather than
 * a user's: conduits, webhooks, public Helix reads. Fetched when first asked for, kept,
 * and fetched again shortly before it expires or when Twitch refused it. Thread-safe.
 */
public final class TwitchAppTokens {

	private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

	private final ClientRegistration registration;

	private final RestClientClientCredentialsTokenResponseClient client;

	private final Executor executor;

	private @Nullable CompletableFuture<AccessToken> current;

	/**
	 * Creates the app token source of a registration.
	 * @param registration the Twitch registration (its client id, secret and token URI)
	 * @param executor where token requests run
	 */
	public TwitchAppTokens(ClientRegistration registration, Executor executor) {
		this.registration = ClientRegistration.withClientRegistration(registration)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(Set.of())
			.build();
		this.client = new RestClientClientCredentialsTokenResponseClient();
		this.client.setRestClient(TwitchTokenResponses.restClient());
		this.executor = executor;
	}

	/**
	 * The app token: the one kept while it is valid for a few more minutes, else a new
	 * one.
	 * @return completes with the token, or exceptionally when Twitch refused the client
	 */
	public synchronized CompletionStage<AccessToken> token() {
		CompletableFuture<AccessToken> kept = this.current;
		if (kept != null && !kept.isCompletedExceptionally() && (!kept.isDone() || stillGood(kept.join()))) {
			// A copy: a caller completing or cancelling it must not change the kept one.
			return kept.copy();
		}
		return fetch().copy();
	}

	/**
	 * A new app token, because Twitch refused this one.
	 * @param rejected the refused token
	 * @return completes with the new token
	 */
	public synchronized CompletionStage<AccessToken> refresh(AccessToken rejected) {
		CompletableFuture<AccessToken> kept = this.current;
		if (kept != null && (!kept.isDone()
				|| (!kept.isCompletedExceptionally() && !kept.join().value().equals(rejected.value())))) {
			// A fetch under way, or a token other than the refused one.
			return kept.copy();
		}
		return fetch().copy();
	}

	/**
	 * These tokens as a {@link TwitchTokenProvider}, for a client that needs the
	 * application's token whatever user it names.
	 * @return the provider
	 */
	public TwitchTokenProvider asTokenProvider() {
		return new TwitchTokenProvider() {

			@Override
			public CompletionStage<AccessToken> token(@Nullable String userId) {
				return TwitchAppTokens.this.token();
			}

			@Override
			public CompletionStage<AccessToken> refresh(@Nullable String userId, AccessToken rejected) {
				return TwitchAppTokens.this.refresh(rejected);
			}

		};
	}

	private CompletableFuture<AccessToken> fetch() {
		CompletableFuture<AccessToken> next = CompletableFuture.supplyAsync(() -> {
			OAuth2AccessTokenResponse response = this.client
				.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(this.registration));
			OAuth2AccessToken token = response.getAccessToken();
			return new AccessToken(token.getTokenValue(), Set.copyOf(token.getScopes()), token.getExpiresAt());
		}, this.executor);
		this.current = next;
		return next;
	}

	private static boolean stillGood(AccessToken token) {
		Instant expiresAt = token.expiresAt();
		return expiresAt == null || expiresAt.isAfter(Instant.now().plus(RENEW_BEFORE));
	}

	@Override
	public String toString() {
		return "TwitchAppTokens[client " + this.registration.getClientId() + "]";
	}

}
