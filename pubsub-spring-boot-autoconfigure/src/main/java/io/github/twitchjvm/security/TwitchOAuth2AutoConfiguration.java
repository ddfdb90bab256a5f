package io.github.twitchjvm.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.engine.NamedThreadFactory;
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

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "twitchOAuth2Executor")
	ExecutorService twitchOAuth2Executor() {
		// One thread: token requests are few (a refresh an hour per user), and Twitch
		// rotates refresh tokens, so two refreshes of one user at once would spend the
		// same refresh token twice, and the second would lose the user's authorization.
		return Executors.newSingleThreadExecutor(new NamedThreadFactory("twitch-oauth2"));
	}

	@Bean
	@ConditionalOnMissingBean(TwitchTokenProvider.class)
	@ConditionalOnBean({ ClientRegistrationRepository.class, OAuth2AuthorizedClientService.class })
	AuthorizedClientTokenProvider twitchTokenProvider(TwitchOAuth2Properties properties,
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients,
			ExecutorService twitchOAuth2Executor) {
		String registrationId = properties.getRegistrationId();
		if (registrations.findByRegistrationId(registrationId) == null) {
			throw new TwitchConfigurationException(
					"There is no OAuth2 client registration '" + registrationId + "' for the Twitch tokens.",
					"Register Twitch under spring.security.oauth2.client.registration." + registrationId
							+ " (client-id, client-secret, scope), or correct twitch.pubsub.oauth2.registration-id.");
		}
		AuthorizedClientTokenProvider provider = new AuthorizedClientTokenProvider(registrationId, registrations,
				clients, twitchOAuth2Executor);
		properties.getRefreshTokens().forEach((userId, refreshToken) -> seed(provider, userId, refreshToken));
		return provider;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ClientRegistrationRepository.class)
	TwitchAppTokens twitchAppTokens(TwitchOAuth2Properties properties, ClientRegistrationRepository registrations,
			ExecutorService twitchOAuth2Executor) {
		ClientRegistration registration = registrations.findByRegistrationId(properties.getRegistrationId());
		if (registration == null) {
			throw new TwitchConfigurationException(
					"There is no OAuth2 client registration '" + properties.getRegistrationId() + "' for Twitch.",
					"Register Twitch under spring.security.oauth2.client.registration." + properties.getRegistrationId()
							+ ".");
		}
		return new TwitchAppTokens(registration, twitchOAuth2Executor);
	}

	@Bean
	@ConditionalOnBean(AuthorizedClientTokenProvider.class)
	TwitchTokenValidation twitchTokenValidation(AuthorizedClientTokenProvider tokens, TwitchOAuth2Properties properties,
			ClientRegistrationRepository registrations, ApplicationEventPublisher events) {
		ClientRegistration registration = registrations.findByRegistrationId(properties.getRegistrationId());
		String uri = (registration != null) ? registration.getProviderDetails().getUserInfoEndpoint().getUri() : null;
		if (uri == null || uri.isBlank()) {
			uri = TwitchProviderDefaults.TWITCH_OAUTH + "/validate";
		}
		URI validate = URI.create(uri);
		String scheme = String.valueOf(validate.getScheme()).toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && EndpointPolicy.isLoopback(validate.getHost()))) {
			throw new TwitchConfigurationException(
					"The Twitch token validation URI " + EndpointPolicy.redacted(validate)
							+ " would send tokens unencrypted to another machine.",
					"Use https:// for spring.security.oauth2.client.provider.twitch.user-info-uri (Twitch's is "
							+ TwitchProviderDefaults.TWITCH_OAUTH + "/validate).");
		}
		Duration interval = properties.getValidationInterval();
		if (interval.isNegative() || interval.isZero()) {
			throw new TwitchConfigurationException(
					"twitch.pubsub.oauth2.validation-interval must be positive, was " + interval + ".",
					"Twitch requires validating tokens hourly: leave the default (1h), or give a shorter interval.");
		}
		return new TwitchTokenValidation(tokens, validate, interval, events);
	}

	private static void seed(AuthorizedClientTokenProvider provider, String userId, String refreshToken) {
		if (!StringUtils.hasText(refreshToken)) {
			// ${TWITCH_REFRESH_TOKEN:} without the variable: the user may have logged in
			// already, or will.
			logger.info("No refresh token given for Twitch user {} (twitch.pubsub.oauth2.refresh-tokens): not seeded",
					userId);
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
