package io.github.twitchjvm.pubsub.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.PubSubClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the token may go and whether it is one: a URL that would send it unencrypted or
 * not over WebSocket, and a token property that is empty, blank or an unresolved
 * placeholder, each fail the startup with a report from the failure analyzers Spring Boot
 * loads, naming the property and the fix, never the token. Nothing connects.
 */
class PubSubPropertiesFailureAnalysisTests {

	/** Set in no test environment: the README's variable, as if it were unset. */
	private static final String UNSET = "TWITCH_PUBSUB_TEST_NEVER_SET";

	private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz0123";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class, PubSubAutoConfiguration.class))
		.withPropertyValues("twitch.pubsub.auto-startup=false", "twitch.pubsub.user-id=44322889");

	@Test
	void anHttpUrlIsReportedNamingThePropertyAndTheFix() {
		this.runner.withPropertyValues("twitch.pubsub.url=http://127.0.0.1:9/", "twitch.pubsub.access-token=" + TOKEN)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'twitch.pubsub.url'")
					.contains("http://127.0.0.1:9/")
					.contains("It must be a WebSocket URL: wss://")
					.doesNotContain(TOKEN);
			});
	}

	@Test
	void otherSchemesAndRelativeUrlsAreRefusedEvenWhenInsecureIsAllowed() {
		for (String url : new String[] { "ftp://127.0.0.1/", "https://pubsub-edge.twitch.tv", "pubsub-edge" }) {
			this.runner
				.withPropertyValues("twitch.pubsub.url=" + url, "twitch.pubsub.allow-insecure=true",
						"twitch.pubsub.access-token=" + TOKEN)
				.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).as(url)
					.contains("'twitch.pubsub.url'"));
		}
	}

	@Test
	void wsToAHostThatIsNotLoopbackNeedsAllowInsecure() {
		this.runner
			.withPropertyValues("twitch.pubsub.url=ws://pubsub.example.com/", "twitch.pubsub.access-token=" + TOKEN)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'twitch.pubsub.url'")
					.contains("would send tokens in clear")
					.contains("set allow-insecure");
			});
		this.runner
			.withPropertyValues("twitch.pubsub.url=ws://pubsub.example.com/", "twitch.pubsub.allow-insecure=true",
					"twitch.pubsub.access-token=" + TOKEN)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PubSubProperties.class).isAllowInsecure()).isTrue();
			});
	}

	@Test
	void wssAnywhereAndWsToLoopbackAreAccepted() {
		for (String url : new String[] { "wss://pubsub.example.com", "WSS://pubsub-edge.twitch.tv",
				"ws://127.0.0.1:8080", "ws://127.1.2.3/", "ws://localhost:8080", "ws://[::1]:8080" }) {
			this.runner.withPropertyValues("twitch.pubsub.url=" + url, "twitch.pubsub.access-token=" + TOKEN)
				.run((context) -> assertThat(context).as(url).hasNotFailed());
		}
		for (String url : new String[] { "ws://127.0.0.300/", "ws://128.0.0.1/", "ws://[::2]/",
				"ws://localhost.example/" }) {
			this.runner.withPropertyValues("twitch.pubsub.url=" + url, "twitch.pubsub.access-token=" + TOKEN)
				.run((context) -> assertThat(context).as(url).hasFailed());
		}
	}

	@Test
	void anUnresolvedPlaceholderAsTokenNamesThePropertyAndTheVariable() {
		this.runner.withPropertyValues("twitch.pubsub.access-token=${" + UNSET + "}").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("twitch.pubsub.access-token")
				.contains("is ${" + UNSET + "}, an unresolved placeholder");
			assertThat(analysis.getAction()).contains("Set the environment variable " + UNSET);
		});
	}

	@Test
	void aPlaceholderAfterRealTextNamesTheVariableButNeverPrintsTheText() {
		this.runner.withPropertyValues("twitch.pubsub.access-token=" + TOKEN + "${" + UNSET + "}").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("twitch.pubsub.access-token").contains(UNSET);
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(TOKEN)
				.doesNotContain(TOKEN.substring(0, 8));
		});
	}

	@Test
	void anEmptyTokenFromAnEmptyDefaultNamesTheVariable() {
		this.runner.withPropertyValues("twitch.pubsub.access-token=${" + UNSET + ":}").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("twitch.pubsub.access-token")
				.contains("is empty: ${" + UNSET + "} resolved to nothing");
			assertThat(analysis.getAction()).contains("Set the environment variable " + UNSET);
		});
	}

	@Test
	void anEmptyOrBlankTokenNamesTheProperty() {
		this.runner.withPropertyValues("twitch.pubsub.access-token=").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("twitch.pubsub.access-token").contains("is empty");
			assertThat(analysis.getAction()).contains("Set twitch.pubsub.access-token to the token");
		});
		// Property values in tests are trimmed: a property source of its own keeps the
		// spaces.
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("blank", Map.of("twitch.pubsub.access-token", "   "))))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("twitch.pubsub.access-token").contains("is blank");
			});
	}

	@Test
	void anUnusedTokenPropertyIsNotChecked() {
		// The application's TwitchTokenProvider supplies the tokens: the property is left
		// over, as in the sample's ${TWITCH_ACCESS_TOKEN:}.
		this.runner.withPropertyValues("twitch.pubsub.access-token=${" + UNSET + ":}")
			.withBean(TwitchTokenProvider.class, () -> StaticTokenProvider.of(TOKEN))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PubSubClient.class));
	}

	@Test
	void aCustomizersImpossibleSettingIsReportedNamingTheSetting() {
		this.runner.withPropertyValues("twitch.pubsub.access-token=" + TOKEN)
			.withBean(PubSubClientBuilderCustomizer.class,
					() -> (builder) -> builder.pingFrequency(Duration.ofSeconds(1)))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure(), "PubSub client cannot be built");
				assertThat(analysis.getDescription()).contains("pingFrequency");
				assertThat(analysis.getAction()).contains("PubSubClientBuilderCustomizer").contains("pingFrequency");
			});
	}

	/**
	 * Asks every failure analyzer Spring Boot would load, as SpringApplication does at a
	 * failed start, for the analysis that concerns this integration.
	 */
	private static FailureAnalysis analyze(Throwable failure) {
		return analyze(failure, "twitch.pubsub");
	}

	private static FailureAnalysis analyze(Throwable failure, String mentioning) {
		Environment environment = new StandardEnvironment();
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(Environment.class, environment),
					// Some of Boot's own analyzers need the bean factory; they are not
					// the ones under test.
					SpringFactoriesLoader.FailureHandler.handleMessage((message, failureToLoad) -> {
					}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analysis.getDescription().contains(mentioning)) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis mentions " + mentioning + " for " + Objects.toString(failure));
	}

}
