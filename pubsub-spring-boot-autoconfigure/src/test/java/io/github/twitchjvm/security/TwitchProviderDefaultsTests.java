package io.github.twitchjvm.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twitch as a known provider: an application that writes only a client id, a secret and
 * scopes gets Twitch's endpoints, and its own settings win over the defaults.
 */
class TwitchProviderDefaultsTests {

	@Test
	void aRegistrationOfClientIdSecretAndScopesGetsTwitchsEndpoints() {
		try (ConfigurableApplicationContext context = run(
				"--spring.security.oauth2.client.registration.twitch.client-id=someclientid",
				"--spring.security.oauth2.client.registration.twitch.client-secret=somesecret",
				"--spring.security.oauth2.client.registration.twitch.scope=bits:read,whispers:read")) {
			ClientRegistration twitch = context.getBean(ClientRegistrationRepository.class)
				.findByRegistrationId("twitch");
			assertThat(twitch.getProviderDetails().getAuthorizationUri())
				.isEqualTo("https://id.twitch.tv/oauth2/authorize");
			assertThat(twitch.getProviderDetails().getTokenUri()).isEqualTo("https://id.twitch.tv/oauth2/token");
			assertThat(twitch.getProviderDetails().getUserInfoEndpoint().getUri())
				.isEqualTo("https://id.twitch.tv/oauth2/validate");
			assertThat(twitch.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName())
				.isEqualTo("user_id");
			assertThat(twitch.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
			assertThat(twitch.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			assertThat(twitch.getScopes()).containsExactlyInAnyOrder("bits:read", "whispers:read");
			assertThat(context.getBean(AuthorizedClientTokenProvider.class)).isNotNull();
		}
	}

	@Test
	void anotherRegistrationIdGetsTheDefaultsToo() {
		try (ConfigurableApplicationContext context = run("--twitch.pubsub.oauth2.registration-id=bot",
				"--spring.security.oauth2.client.registration.bot.client-id=someclientid",
				"--spring.security.oauth2.client.registration.bot.client-secret=somesecret")) {
			ClientRegistration bot = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("bot");
			assertThat(bot.getProviderDetails().getTokenUri()).isEqualTo("https://id.twitch.tv/oauth2/token");
			assertThat(bot.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
	}

	@Test
	void theApplicationsOwnEndpointsWin() {
		try (ConfigurableApplicationContext context = run(
				"--spring.security.oauth2.client.registration.twitch.client-id=someclientid",
				"--spring.security.oauth2.client.registration.twitch.client-secret=somesecret",
				"--spring.security.oauth2.client.provider.twitch.token-uri=http://127.0.0.1:9/oauth2/token")) {
			assertThat(context.getBean(ClientRegistrationRepository.class)
				.findByRegistrationId("twitch")
				.getProviderDetails()
				.getTokenUri()).isEqualTo("http://127.0.0.1:9/oauth2/token");
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] all = new String[args.length + 1];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--twitch.pubsub.enabled=false";
		return application.run(all);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
