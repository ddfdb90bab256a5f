package io.github.twitchjvm.security;

import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.client.JdbcOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * {@code twitch.pubsub.oauth2.store=jdbc}: the users' authorized clients, with the
 * refresh tokens Twitch rotates, kept in the application's database
 * ({@link JdbcOAuth2AuthorizedClientService} over its {@link JdbcOperations}), so that
 * they survive restarts; the table is created when missing. Before Spring Boot's OAuth2
 * client auto-configuration, whose in-memory store then backs off.
 */
@AutoConfiguration(before = OAuth2ClientAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass({ JdbcOperations.class, JdbcOAuth2AuthorizedClientService.class })
@ConditionalOnProperty(name = "twitch.pubsub.oauth2.store", havingValue = "jdbc")
@Conditional(TwitchOAuth2AutoConfiguration.TwitchRegistered.class)
public final class TwitchOAuth2StoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OAuth2AuthorizedClientService.class)
	JdbcOAuth2AuthorizedClientService twitchAuthorizedClientService(ObjectProvider<JdbcOperations> jdbc,
			ClientRegistrationRepository registrations) {
		JdbcOperations operations = jdbc.getIfUnique();
		if (operations == null) {
			throw new TwitchConfigurationException(
					"twitch.pubsub.oauth2.store=jdbc needs a JdbcOperations bean, and there is none (or several).",
					"Add spring-boot-starter-jdbc and a DataSource (spring.datasource.*), or declare one "
							+ "JdbcTemplate bean, or set twitch.pubsub.oauth2.store=memory.");
		}
		AuthorizedClientSchema.createIfMissing(operations);
		return new JdbcOAuth2AuthorizedClientService(operations, registrations);
	}

}
