package io.github.twitchjvm.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tokens from Spring Security's OAuth2 client, against the fake server's OAuth endpoints
 * over real HTTP: seeding, refresh on expiry and after a refused token, rotated refresh
 * tokens kept, Twitch's array scopes, refused refresh tokens, a user without
 * authorization, and both protocols served by the one provider.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwitchOAuth2AutoConfigurationTests {

	private static final String USER = "44322889";

	private static final String SECOND = "55544433";

	private static final List<String> SCOPES = List.of("whispers:read", "bits:read", "user:read:whispers");

	private static FakeTwitchServer server;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(OAuth2ClientAutoConfiguration.class, TwitchOAuth2StoreAutoConfiguration.class,
				TwitchOAuth2AutoConfiguration.class, PubSubAutoConfiguration.class, EventSubAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = FakeTwitchServer.start();
		server.accounts().registerUser(USER, "dallas");
		server.accounts().registerUser(SECOND, "second");
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	/** What a user writes, plus the provider's endpoints pointed at the fake server. */
	private ApplicationContextRunner registered(String... more) {
		String registration = "spring.security.oauth2.client.registration.twitch.";
		String provider = "spring.security.oauth2.client.provider.twitch.";
		return this.runner
			.withPropertyValues(registration + "client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
					registration + "client-secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET,
					registration + "scope=" + String.join(",", SCOPES), registration + "provider=twitch",
					registration + "authorization-grant-type=authorization_code",
					registration + "client-authentication-method=client_secret_post",
					registration + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
					provider + "authorization-uri=" + server.oauthUri() + "/authorize",
					provider + "token-uri=" + server.oauthUri() + "/token",
					provider + "user-info-uri=" + server.oauthUri() + "/validate",
					provider + "user-name-attribute=user_id", "twitch.pubsub.url=" + server.pubSubUri())
			.withPropertyValues(more);
	}

	private static IssuedToken issue(String user, Duration lifetime) {
		return server.accounts().issueToken(user, SCOPES, lifetime);
	}

	@Test
	void seedsARefreshTokenAndKeepsTheRotatedOne() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken()).run((context) -> {
			assertThat(context).hasNotFailed();
			OAuth2AuthorizedClient stored = context.getBean(OAuth2AuthorizedClientService.class)
				.loadAuthorizedClient("twitch", USER);
			assertThat(stored).isNotNull();
			// Twitch rotates refresh tokens: the one seeded is spent, the new one kept.
			assertThat(stored.getRefreshToken()).isNotNull();
			assertThat(stored.getRefreshToken().getTokenValue()).isNotEqualTo(seed.refreshToken());
			// Twitch's scope array, read as scopes (not "[whispers:read," and so on).
			assertThat(stored.getAccessToken().getScopes()).containsExactlyInAnyOrderElementsOf(SCOPES);
			AccessToken token = get(context.getBean(TwitchTokenProvider.class), USER);
			assertThat(token.value()).isEqualTo(stored.getAccessToken().getTokenValue());
			assertThat(token.scopes()).containsExactlyInAnyOrderElementsOf(SCOPES);
		});
	}

	@Test
	void refreshesATokenAboutToExpire() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken()).run((context) -> {
			OAuth2AuthorizedClientService clients = context.getBean(OAuth2AuthorizedClientService.class);
			OAuth2AuthorizedClient before = clients.loadAuthorizedClient("twitch", USER);
			// Within the minute of clock skew: due.
			clients.saveAuthorizedClient(expiringIn(before, Duration.ofSeconds(30)), principal(USER));
			context.getBean(AuthorizedClientTokenProvider.class).forget(USER);
			AccessToken token = get(context.getBean(TwitchTokenProvider.class), USER);
			assertThat(token.value()).isNotEqualTo(before.getAccessToken().getTokenValue());
		});
	}

	@Test
	void refreshesOnceAfterARefusedTokenAndListensAgain() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken(),
				"twitch.pubsub.user-id=" + USER)
			.run((context) -> {
				OAuth2AuthorizedClient seeded = context.getBean(OAuth2AuthorizedClientService.class)
					.loadAuthorizedClient("twitch", USER);
				// Twitch no longer takes the token the application holds: ERR_BADAUTH.
				server.accounts().expire(seeded.getAccessToken().getTokenValue());
				PubSubClient client = context.getBean(PubSubClient.class);
				Topic whispers = Topic.parse("whispers." + USER);
				client.listenRawAsync(whispers, (subscription, message) -> {
				});
				await().until(() -> client.snapshot()
					.topics()
					.stream()
					.anyMatch((topic) -> topic.topic().equals(whispers) && topic.state() == TopicState.ACTIVE));
				assertThat(context.getBean(OAuth2AuthorizedClientService.class)
					.loadAuthorizedClient("twitch", USER)
					.getAccessToken()
					.getTokenValue()).isNotEqualTo(seeded.getAccessToken().getTokenValue());
			});
	}

	@Test
	void refreshesOfOneUserAtOnceSpendTheRotatingRefreshTokenOnce() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken()).run((context) -> {
			TwitchTokenProvider tokens = context.getBean(TwitchTokenProvider.class);
			AccessToken rejected = get(tokens, USER);
			// PubSub's ERR_BADAUTH, EventSub's 401 and the validation, all at once.
			List<java.util.concurrent.CompletableFuture<AccessToken>> refreshes = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				refreshes.add(tokens.refresh(USER, rejected).toCompletableFuture());
			}
			for (java.util.concurrent.CompletableFuture<AccessToken> refresh : refreshes) {
				assertThat(refresh.get(10, TimeUnit.SECONDS).value()).isNotEqualTo(rejected.value());
			}
			assertThat(refreshes.stream().map((refresh) -> refresh.join().value()).distinct()).hasSize(1);
			assertThat(context.getBean(OAuth2AuthorizedClientService.class)
				.<OAuth2AuthorizedClient>loadAuthorizedClient("twitch", USER)).isNotNull();
		});
	}

	@Test
	void aRefusedRefreshTokenRemovesTheAuthorizationAndSaysSo() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		List<TwitchAuthorizationRequiredEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken()).withBean(
				org.springframework.context.ApplicationListener.class,
				() -> (org.springframework.context.ApplicationListener<TwitchAuthorizationRequiredEvent>) events::add)
			.run((context) -> {
				OAuth2AuthorizedClientService clients = context.getBean(OAuth2AuthorizedClientService.class);
				OAuth2AuthorizedClient stored = clients.loadAuthorizedClient("twitch", USER);
				// The user disconnected the application: its tokens are revoked.
				server.accounts().revoke(stored.getAccessToken().getTokenValue());
				clients.saveAuthorizedClient(expiringIn(stored, Duration.ofSeconds(-10)), principal(USER));
				context.getBean(AuthorizedClientTokenProvider.class).forget(USER);
				TwitchTokenProvider tokens = context.getBean(TwitchTokenProvider.class);
				assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
					.isThrownBy(() -> tokens.token(USER).toCompletableFuture().get(10, TimeUnit.SECONDS))
					.havingCause()
					.isInstanceOf(TwitchUserNotAuthorizedException.class)
					.withMessageContaining("user " + USER)
					.withMessageContaining("must authorize the application again");
				assertThat(clients.<OAuth2AuthorizedClient>loadAuthorizedClient("twitch", USER)).isNull();
				assertThat(events).singleElement().satisfies((event) -> assertThat(event.getUserId()).isEqualTo(USER));
			});
	}

	@Test
	void aRefusedSeedFailsTheStartup() {
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=notarefreshtoken00000000000000")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(TwitchConfigurationException.class)
				.hasMessageContaining("twitch.pubsub.oauth2.refresh-tokens." + USER + " was refused")
				.hasMessageNotContaining("notarefreshtoken"));
	}

	@Test
	void theJdbcStoreKeepsTheRotatedRefreshTokenAcrossRestarts() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		org.springframework.jdbc.datasource.DriverManagerDataSource database = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:h2:mem:twitch-tokens;DB_CLOSE_DELAY=-1");
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(database);
		String[] firstRefreshToken = new String[1];
		registered("twitch.pubsub.oauth2.store=jdbc",
				"twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken())
			.withBean(org.springframework.jdbc.core.JdbcTemplate.class, () -> jdbc)
			.run((context) -> {
				assertThat(context.getBean(OAuth2AuthorizedClientService.class))
					.isInstanceOf(org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService.class);
				firstRefreshToken[0] = context.getBean(OAuth2AuthorizedClientService.class)
					.loadAuthorizedClient("twitch", USER)
					.getRefreshToken()
					.getTokenValue();
			});
		// The seeded token is spent; after a restart (with the seed still configured),
		// the
		// stored rotated one is kept and still works.
		registered("twitch.pubsub.oauth2.store=jdbc",
				"twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken())
			.withBean(org.springframework.jdbc.core.JdbcTemplate.class, () -> jdbc)
			.run((context) -> {
				OAuth2AuthorizedClientService clients = context.getBean(OAuth2AuthorizedClientService.class);
				OAuth2AuthorizedClient stored = clients.loadAuthorizedClient("twitch", USER);
				assertThat(stored.getRefreshToken().getTokenValue()).isEqualTo(firstRefreshToken[0]);
				clients.saveAuthorizedClient(expiringIn(stored, Duration.ofSeconds(-10)), principal(USER));
				AccessToken token = get(context.getBean(TwitchTokenProvider.class), USER);
				assertThat(token.value()).isNotEqualTo(stored.getAccessToken().getTokenValue());
				assertThat(clients.<OAuth2AuthorizedClient>loadAuthorizedClient("twitch", USER)
					.getRefreshToken()
					.getTokenValue()).isNotEqualTo(firstRefreshToken[0]);
			});
	}

	@Test
	void theJdbcStoreWithoutADatabaseSaysWhatToAdd() {
		registered("twitch.pubsub.oauth2.store=jdbc")
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(TwitchConfigurationException.class)
				.hasMessageContaining("needs a JdbcOperations bean"));
	}

	@Test
	void aTokenTwitchNoLongerTakesIsRefreshedByTheValidation() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken(),
				"twitch.pubsub.oauth2.validation-interval=200ms")
			.run((context) -> {
				TwitchTokenProvider tokens = context.getBean(TwitchTokenProvider.class);
				AccessToken before = get(tokens, USER);
				server.accounts().expire(before.value());
				await().until(() -> !get(tokens, USER).value().equals(before.value()));
			});
	}

	@Test
	void aUserWhoseTokensAreRevokedIsReportedByTheValidation() {
		IssuedToken seed = issue(USER, Duration.ofHours(4));
		List<TwitchAuthorizationRequiredEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken(),
				"twitch.pubsub.oauth2.validation-interval=200ms")
			.withBean(org.springframework.context.ApplicationListener.class,
					() -> (org.springframework.context.ApplicationListener<TwitchAuthorizationRequiredEvent>) events::add)
			.run((context) -> {
				AccessToken before = get(context.getBean(TwitchTokenProvider.class), USER);
				// The user disconnected the application: access and refresh tokens
				// revoked.
				server.accounts().revoke(before.value());
				await().until(() -> !events.isEmpty());
				assertThat(events.get(0).getUserId()).isEqualTo(USER);
				assertThat(events.get(0).getReason()).contains("must authorize the application again")
					.doesNotContain(before.value());
				assertThat(context.getBean(OAuth2AuthorizedClientService.class)
					.<OAuth2AuthorizedClient>loadAuthorizedClient("twitch", USER)).isNull();
			});
	}

	@Test
	void theApplicationsOwnTokenIsKeptAndRenewedWhenRefused() {
		registered().run((context) -> {
			TwitchAppTokens app = context.getBean(TwitchAppTokens.class);
			AccessToken first = app.token().toCompletableFuture().get(10, TimeUnit.SECONDS);
			assertThat(app.token().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(first);
			AccessToken second = app.refresh(first).toCompletableFuture().get(10, TimeUnit.SECONDS);
			assertThat(second.value()).isNotEqualTo(first.value());
			assertThat(server.accounts().tokens()).anySatisfy((issued) -> {
				assertThat(issued.accessToken()).isEqualTo(second.value());
				assertThat(issued.isAppToken()).isTrue();
			});
		});
	}

	@Test
	void anEmptySeedIsSkipped() {
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TwitchTokenProvider.class).hasTokenFor(USER)).isFalse();
		});
	}

	@Test
	void anUnreachableTokenEndpointIsNoReasonToForgetTheUser() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		IssuedToken issued = issue(USER, Duration.ofHours(4));
		registered("spring.security.oauth2.client.provider.twitch.token-uri=http://127.0.0.1:" + closedPort
				+ "/oauth2/token")
			.run((context) -> {
				OAuth2AuthorizedClientService clients = context.getBean(OAuth2AuthorizedClientService.class);
				var registration = context
					.getBean(org.springframework.security.oauth2.client.registration.ClientRegistrationRepository.class)
					.findByRegistrationId("twitch");
				java.time.Instant now = java.time.Instant.now();
				clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, USER,
						new org.springframework.security.oauth2.core.OAuth2AccessToken(
								org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER,
								issued.accessToken(), now.minusSeconds(7200), now.minusSeconds(60)),
						new org.springframework.security.oauth2.core.OAuth2RefreshToken(issued.refreshToken(), null)),
						principal(USER));
				assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
					.isThrownBy(() -> get(context.getBean(TwitchTokenProvider.class), USER))
					.havingCause()
					.isNotInstanceOf(TwitchUserNotAuthorizedException.class)
					.withMessageContaining("Could not refresh the token of Twitch user " + USER);
				assertThat(clients.<OAuth2AuthorizedClient>loadAuthorizedClient("twitch", USER)).isNotNull();
			});
	}

	@Test
	void leavesTheApplicationsTaskExecutorInPlace() {
		registered()
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration.class))
			.run((context) -> assertThat(context).hasBean("applicationTaskExecutor"));
	}

	@Test
	void aUserWithoutAuthorizationGetsAClearError() {
		registered().run((context) -> {
			TwitchTokenProvider tokens = context.getBean(TwitchTokenProvider.class);
			assertThat(tokens.hasTokenFor("999")).isFalse();
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> tokens.token("999").toCompletableFuture().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TwitchUserNotAuthorizedException.class)
				.withMessageContaining("Twitch user 999")
				.withMessageContaining("/oauth2/authorization/twitch")
				.withMessageContaining("twitch.pubsub.oauth2.refresh-tokens");
		});
	}

	/**
	 * twitch.pubsub.oauth2.await-login: a user who has not logged in yet does not fail
	 * the startup's token check; a token asked for before the login still fails clearly,
	 * and once the user's authorization is stored (here seeded, as a login stores it) the
	 * token comes.
	 */
	@Test
	void awaitingLoginAUserNotAuthorizedYetCountsAsOneWhoWillHaveAToken(CapturedOutput output) {
		registered("twitch.pubsub.oauth2.await-login=true").run((context) -> {
			AuthorizedClientTokenProvider tokens = context.getBean(AuthorizedClientTokenProvider.class);
			assertThat(tokens.hasTokenFor(USER)).isTrue();
			assertThat(tokens.hasTokenFor(USER)).isTrue();
			assertThat(tokens.hasTokenFor(null)).isFalse();
			String awaited = "Twitch user " + USER + " has not logged in yet";
			assertThat(output.getAll().split(awaited, -1)).as("named once").hasSize(2);
			assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
				.isThrownBy(() -> tokens.token(USER).toCompletableFuture().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(TwitchUserNotAuthorizedException.class);
			IssuedToken login = issue(USER, Duration.ofHours(4));
			tokens.seed(USER, login.refreshToken());
			assertThat(get(tokens, USER).value()).hasSize(30);
		});
	}

	@Test
	void twoUsersTokensServeTwoChannelsOnOneConnection() {
		IssuedToken first = issue(USER, Duration.ofHours(4));
		IssuedToken second = issue(SECOND, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + first.refreshToken(),
				"twitch.pubsub.oauth2.refresh-tokens." + SECOND + "=" + second.refreshToken())
			.run((context) -> {
				PubSubClient client = context.getBean(PubSubClient.class);
				for (String user : List.of(USER, SECOND)) {
					client.listenRawAsync(Topic.parse("channel-bits-events-v2." + user), (subscription, message) -> {
					});
				}
				await().until(() -> client.snapshot().topics().size() == 2
						&& client.snapshot().topics().stream().allMatch((topic) -> topic.state() == TopicState.ACTIVE));
				assertThat(client.snapshot().connections()).hasSize(1);
			});
	}

	@Test
	void eventSubSubscriptionsAreCreatedWithTheProvidersTokens() {
		IssuedToken seed = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES, Duration.ofHours(4));
		registered("twitch.pubsub.oauth2.refresh-tokens." + USER + "=" + seed.refreshToken(),
				"twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"twitch.eventsub.url=" + server.eventSubUri(), "twitch.eventsub.helix-url=" + server.helixUri())
			.run((context) -> {
				assertThat(context).hasSingleBean(EventSubClient.class);
				assertThat(context.getBean(EventSubClient.class)
					.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", USER), (handle, notification) -> {
					})
					.state()).isEqualTo(SubscriptionState.ENABLED);
			});
	}

	private static AccessToken get(TwitchTokenProvider tokens, String user) throws Exception {
		return tokens.token(user).toCompletableFuture().get(10, TimeUnit.SECONDS);
	}

	private static OAuth2AuthorizedClient expiringIn(OAuth2AuthorizedClient client, Duration left) {
		var token = client.getAccessToken();
		java.time.Instant now = java.time.Instant.now();
		return new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(),
				new org.springframework.security.oauth2.core.OAuth2AccessToken(token.getTokenType(),
						token.getTokenValue(), now.minusSeconds(3600), now.plus(left), token.getScopes()),
				client.getRefreshToken());
	}

	private static org.springframework.security.core.Authentication principal(String user) {
		return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(user,
				null);
	}

}
