package io.github.twitchjvm.pubsub.actuate;

import java.util.Map;

import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubSanitizingAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code show-values=always}, the {@code env} and {@code configprops} endpoints show
 * every value; the starter's secrets stay hidden, by name in every spelling and by value
 * where a placeholder took them from an environment variable. Nothing connects.
 */
class PubSubSanitizingTests {

	private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz0123";

	private static final String REFRESH_TOKEN = "refreshrefreshrefresh0123456789";

	private static final String CLIENT_SECRET = "clientsecretclientsecret0123";

	private static final String USER = "44322889";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, PubSubSanitizingAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		// The environment variables of an operator who followed the README.
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("operatorEnvironment",
					Map.of("TWITCH_ACCESS_TOKEN", TOKEN, "TWITCH_PUBSUB_OAUTH_CLIENT_SECRET", CLIENT_SECRET))))
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"twitch.pubsub.auto-startup=false", "twitch.pubsub.url=ws://127.0.0.1:9/unused",
				"twitch.pubsub.access-token=${TWITCH_ACCESS_TOKEN}", "twitch.pubsub.user-id=" + USER,
				"twitch.pubsub.oauth.refresh-token=" + REFRESH_TOKEN);

	@Test
	void theEnvAndConfigpropsEndpointsShowValuesButNoSecret() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PubSubSanitizingFunction.class);
			String env = JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
			String configprops = JSON.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
			for (String shown : new String[] { env, configprops }) {
				assertThat(shown).as("values are shown").contains(USER).contains("ws://127.0.0.1:9/unused");
				assertThat(shown).contains("******")
					.doesNotContain(TOKEN)
					.doesNotContain(REFRESH_TOKEN)
					.doesNotContain(CLIENT_SECRET);
			}
			String entry = JSON.writeValueAsString(
					context.getBean(EnvironmentEndpoint.class).environmentEntry("twitch.pubsub.access-token"));
			assertThat(entry).contains("******").doesNotContain(TOKEN);
			String variable = JSON
				.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environmentEntry("TWITCH_ACCESS_TOKEN"));
			assertThat(variable).contains("******").doesNotContain(TOKEN);
		});
	}

	@Test
	void secretsStayHiddenWhenTheClientIsDisabled() {
		this.runner.withPropertyValues("twitch.pubsub.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(PubSubSanitizingFunction.class);
			assertThat(env(context)).doesNotContain(TOKEN).doesNotContain(REFRESH_TOKEN).doesNotContain(CLIENT_SECRET);
		});
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubSanitizingFunction.class));
	}

	@Test
	void namesInEverySpelling() {
		for (String secret : new String[] { "twitch.pubsub.access-token", "twitch.pubsub.accessToken",
				"TWITCH_PUBSUB_ACCESSTOKEN", "TWITCH_PUBSUB_ACCESS_TOKEN", "twitch.pubsub.oauth.client-secret",
				"twitch.pubsub.oauth.refresh-token", "twitch.pubsub.tokens[44322889]", "twitch.eventsub.access-token",
				"spring.security.oauth2.client.registration.twitch.client-secret",
				"twitch.pubsub.oauth2.refresh-tokens.44322889", "TWITCH_EVENTSUB_ACCESS_TOKEN" }) {
			assertThat(PubSubSanitizingFunction.isSecretName(secret)).as(secret).isTrue();
		}
		for (String plain : new String[] { "twitch.pubsub.url", "twitch.pubsub.user-id",
				"twitch.pubsub.health.grace-period", "spring.application.name", "other.access-token",
				"twitch.eventsub.client-id" }) {
			assertThat(PubSubSanitizingFunction.isSecretName(plain)).as(plain).isFalse();
		}
	}

	private static String env(AssertableApplicationContext context) {
		return JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
	}

}
