package io.github.twitchjvm.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.StringUtils;

/**
 * Tokens for both Twitch clients from Spring Security's OAuth2 client, when the
 * application registered Twitch
 * ({@code spring.security.oauth2.client.registration.twitch}, or the registration
 * {@code twitch.pubsub.oauth2.registration-id} names): a {@link TwitchTokenProvider} bean
 * over the registration's authorized clients, which the PubSub and EventSub
 * auto-configurations take over their token properties. Users whose refresh tokens
 * {@code twitch.pubsub.oauth2.refresh-tokens} gives are authorized at startup.
 */
@AutoConfiguration(after = OAuth2ClientAutoConfiguration.class,
		before = { PubSubAutoConfiguration.class, EventSubAutoConfiguration.class })
@ConditionalOnClass(OAuth2AuthorizedClientManager.class)
@Conditional(TwitchOAuth2AutoConfiguration.TwitchRegistered.class)
@EnableConfigurationProperties(TwitchOAuth2Properties.class)
public final class TwitchOAuth2AutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TwitchOAuth2AutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	TokenRequestThread twitchTokenRequestThread() {
		return new TokenRequestThread();
	}

	/**
	 * The token client of a login ({@code oauth2Login}), reading Twitch's scope arrays
	 * like the refresh one: Spring Security takes a bean of this type.
	 */
	@Bean
	@ConditionalOnMissingBean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> twitchAuthorizationCodeTokenResponseClient() {
		return TwitchTokenResponses.authorizationCodeClient();
	}

	@Bean
	@ConditionalOnMissingBean(TwitchTokenProvider.class)
	@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
	AuthorizedClientTokenProvider twitchTokenProvider(TwitchOAuth2Properties properties,
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients,
			TokenRequestThread twitchTokenRequestThread, ApplicationEventPublisher events) {
		String registrationId = properties.getRegistrationId();
		ClientRegistration registration = registrations.findByRegistrationId(registrationId);
		if (registration == null) {
			throw new TwitchConfigurationException(
					"There is no OAuth2 client registration '" + registrationId + "' for the Twitch tokens.",
					"Register Twitch under spring.security.oauth2.client.registration." + registrationId
							+ " (client-id, client-secret, scope), or correct twitch.pubsub.oauth2.registration-id.");
		}
		requireProtected(registration.getProviderDetails().getTokenUri(),
				"spring.security.oauth2.client.provider.twitch.token-uri", "/token");
		AuthorizedClientTokenProvider provider = new AuthorizedClientTokenProvider(registrationId, registrations,
				clients, twitchTokenRequestThread.executor(), (userId, reason) -> events.publishEvent(
						new TwitchAuthorizationRequiredEvent(TwitchOAuth2AutoConfiguration.class, userId, reason)));
		if (properties.isAwaitLogin()) {
			provider.awaitLogin();
		}
		properties.getRefreshTokens().forEach((userId, refreshToken) -> seed(provider, userId, refreshToken));
		return provider;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClientRegistrationRepository.class)
	TwitchAppTokens twitchAppTokens(TwitchOAuth2Properties properties, ClientRegistrationRepository registrations,
			TokenRequestThread twitchTokenRequestThread) {
		ClientRegistration registration = registrations.findByRegistrationId(properties.getRegistrationId());
		if (registration == null) {
			throw new TwitchConfigurationException(
					"There is no OAuth2 client registration '" + properties.getRegistrationId() + "' for Twitch.",
					"Register Twitch under spring.security.oauth2.client.registration." + properties.getRegistrationId()
							+ ".");
		}
		return new TwitchAppTokens(registration, twitchTokenRequestThread.executor());
	}

	@Bean
	@ConditionalOnBean(AuthorizedClientTokenProvider.class)
	TwitchTokenValidation twitchTokenValidation(AuthorizedClientTokenProvider tokens, TwitchOAuth2Properties properties,
			ClientRegistrationRepository registrations) {
		ClientRegistration registration = registrations.findByRegistrationId(properties.getRegistrationId());
		String uri = (registration != null) ? registration.getProviderDetails().getUserInfoEndpoint().getUri() : null;
		if (uri == null || uri.isBlank()) {
			uri = TwitchProviderDefaults.TWITCH_OAUTH + "/validate";
		}
		URI validate = requireProtected(uri, "spring.security.oauth2.client.provider.twitch.user-info-uri",
				"/validate");
		Duration interval = properties.getValidationInterval();
		if (interval.isNegative() || interval.isZero()) {
			throw new TwitchConfigurationException(
					"twitch.pubsub.oauth2.validation-interval must be positive, was " + interval + ".",
					"Twitch requires validating tokens hourly: leave the default (1h), or give a shorter interval.");
		}
		return new TwitchTokenValidation(tokens, validate, interval);
	}

	/** Tokens and secrets go only over https://, or to this machine (the fake server). */
	private static URI requireProtected(String uri, String property, String twitchPath) {
		URI target = URI.create(uri);
		String scheme = String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && EndpointPolicy.isLoopback(target.getHost()))) {
			throw new TwitchConfigurationException(
					"The Twitch OAuth URI " + EndpointPolicy.redacted(target)
							+ " would send tokens or the client secret unencrypted to another machine.",
					"Use https:// for " + property + " (Twitch's is " + TwitchProviderDefaults.TWITCH_OAUTH + twitchPath
							+ ").");
		}
		return target;
	}

	private static void seed(AuthorizedClientTokenProvider provider, String userId, String refreshToken) {
		if (!StringUtils.hasText(refreshToken)) {
			// ${TWITCH_REFRESH_TOKEN:} without the variable: the user may have logged in
			// already, or will.
			logger.info("No refresh token given for Twitch user {} (twitch.pubsub.oauth2.refresh-tokens): not seeded",
					userId);
			return;
		}
		if (provider.isStored(userId)) {
			// A restart: the store keeps the rotated refresh token; the seed is spent.
			logger.debug("Twitch user {} is authorized already: the seeded refresh token is not used", userId);
			return;
		}
		try {
			provider.seed(userId, refreshToken.strip());
		}
		catch (TwitchUserNotAuthorizedException ex) {
			throw new TwitchConfigurationException(
					"The refresh token of twitch.pubsub.oauth2.refresh-tokens." + userId + " was refused: "
							+ ex.getMessage(),
					"Authorize the application again for user " + userId + " and give its new refresh token.");
		}
	}

	/** The registration of the Twitch tokens has a client id. */
	static final class TwitchRegistered extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String registrationId = context.getEnvironment()
				.getProperty("twitch.pubsub.oauth2.registration-id", TwitchProviderDefaults.TWITCH);
			String property = "spring.security.oauth2.client.registration." + registrationId + ".client-id";
			return StringUtils.hasText(context.getEnvironment().getProperty(property))
					? ConditionOutcome.match(property + " is set") : ConditionOutcome.noMatch(property + " is not set");
		}

	}

}
