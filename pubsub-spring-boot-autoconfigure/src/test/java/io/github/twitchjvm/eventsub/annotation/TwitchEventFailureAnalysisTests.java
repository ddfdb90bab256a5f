package io.github.twitchjvm.eventsub.annotation;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.eventsub.autoconfigure.TwitchEventAnnotationAutoConfiguration;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.eventsub.event.WhisperReceivedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mistake in a {@code @TwitchEvent} method fails the startup with a report that
 * names the method and the fix. No server is needed: nothing connects before the
 * listeners are resolved (the client does not start).
 */
class TwitchEventFailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
				EventSubAutoConfiguration.class, TwitchEventAnnotationAutoConfiguration.class))
		.withPropertyValues("twitch.eventsub.url=ws://127.0.0.1:9/unused",
				"twitch.eventsub.helix-url=http://127.0.0.1:9/helix", "twitch.eventsub.client-id=someclientid",
				"twitch.eventsub.access-token=abcdefghijklmnopqrstuvwxyz0123", "twitch.eventsub.user-id=44322889",
				"twitch.eventsub.auto-startup=false");

	@Test
	void aTypeWithoutModelNeedsAVersion() {
		assertFailure(NoVersion.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains(NoVersion.class.getName() + ".handle(JsonNode)")
				.contains("'stream.online', which this library has no typed model of, without a version");
			assertThat(analysis.getAction()).contains("version = \"1\"").contains("channel.cheer@1");
		});
	}

	@Test
	void aConditionTheTypeDoesNotTake() {
		assertFailure(ForeignCondition.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("sets moderatorUserId, which channel.cheer@1 does not take");
			assertThat(analysis.getAction()).contains("channel.cheer@1 takes broadcasterUserId");
		});
	}

	@Test
	void aMissingUserWithoutADefault() {
		this.runner.withPropertyValues("twitch.eventsub.user-id=").withBean(NoUser.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("subscribes to channel.moderate@2 without broadcasterUserId");
			assertThat(analysis.getAction()).contains("twitch.eventsub.user-id");
		});
	}

	@Test
	void anEventParameterOfAnotherType() {
		assertFailure(WrongEvent.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("takes " + WhisperReceivedEvent.class.getName())
				.contains("the event of user.whisper.message@1")
				.contains("channel.cheer@1 carries ChannelCheerEvent");
			assertThat(analysis.getAction()).contains("subscribe to user.whisper.message@1");
		});
	}

	@Test
	void aParameterThatCannotBeResolved() {
		assertFailure(UnresolvableParameter.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("has parameter 1 of type java.util.Date");
			assertThat(analysis.getAction()).contains("EventSubNotification").contains("JsonNode");
		});
	}

	@Test
	void anUnresolvedPlaceholder() {
		assertFailure(UnresolvedPlaceholder.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("cannot resolve \"${bot.missing}\"");
			assertThat(analysis.getAction()).contains("Define the property");
		});
	}

	@Test
	void aMalformedConditionEntry() {
		assertFailure(MalformedCondition.class,
				(analysis) -> assertThat(analysis.getDescription()).contains("'reward', which is no key=value"));
	}

	@Test
	void aMissingScopeWhenTheTokenKnowsItsScopes() {
		this.runner.withBean(TwitchTokenProvider.class, () -> new TwitchTokenProvider() {

			@Override
			public CompletionStage<AccessToken> token(String userId) {
				return CompletableFuture
					.completedFuture(AccessToken.of("abcdefghijklmnopqrstuvwxyz0123", Set.of("user:read:whispers")));
			}

			@Override
			public CompletionStage<AccessToken> refresh(String userId, AccessToken rejected) {
				return token(userId);
			}

		}).withBean(Cheers.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("subscribes to channel.cheer@1 with the token of user 44322889")
				.contains("which lacks bits:read");
			assertThat(analysis.getAction()).contains("bits:read");
			assertThat(analysis.getDescription() + analysis.getAction())
				.doesNotContain("abcdefghijklmnopqrstuvwxyz0123");
		});
	}

	@Test
	void moreSubscriptionsThanOneUserTokenMayHave() {
		this.runner.withPropertyValues("twitch.eventsub.max-sessions=1", "twitch.eventsub.subscriptions-per-session=1")
			.withBean(TwoChannels.class)
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				FailureAnalysis analysis = analyze(failure, "subscriptions with the token of user");
				assertThat(analysis.getDescription())
					.contains("want 2 EventSub subscriptions with the token of user 44322889")
					.contains("(1)");
				assertThat(analysis.getAction()).contains("3 WebSocket sessions of 300 subscriptions");
			});
	}

	@Test
	void aTwitchEventMethodWithoutEventSubConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
					EventSubAutoConfiguration.class, TwitchEventAnnotationAutoConfiguration.class))
			.withBean(Cheers.class)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("needs the EventSub client, which is not configured");
				assertThat(analysis.getAction()).contains("twitch.eventsub.client-id");
			});
	}

	private void assertFailure(Class<?> handlers, Consumer<FailureAnalysis> check) {
		this.runner.withBean(handlers).run((context) -> {
			assertThat(context).hasFailed();
			check.accept(analyze(context.getStartupFailure()));
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		return analyze(failure, "@TwitchEvent");
	}

	/**
	 * Asks every failure analyzer Spring Boot would load, as SpringApplication does at a
	 * failed start.
	 */
	private static FailureAnalysis analyze(Throwable failure, String expected) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					SpringFactoriesLoader.FailureHandler.handleMessage((message, failureToLoad) -> {
					}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analysis.getDescription().contains(expected)) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure, failure);
	}

	static class NoVersion {

		@TwitchEvent("stream.online")
		void handle(tools.jackson.databind.JsonNode event) {
		}

	}

	static class ForeignCondition {

		@TwitchEvent(value = "channel.cheer", moderatorUserId = "12826")
		void handle(ChannelCheerEvent event) {
		}

	}

	static class NoUser {

		@TwitchEvent("channel.moderate")
		void handle() {
		}

	}

	static class WrongEvent {

		@TwitchEvent("channel.cheer")
		void handle(WhisperReceivedEvent event) {
		}

	}

	static class UnresolvableParameter {

		@TwitchEvent("channel.cheer")
		void handle(ChannelCheerEvent event, Date when) {
		}

	}

	static class UnresolvedPlaceholder {

		@TwitchEvent(value = "channel.cheer", broadcasterUserId = "${bot.missing}")
		void handle(ChannelCheerEvent event) {
		}

	}

	static class MalformedCondition {

		@TwitchEvent(value = "channel.channel_points_custom_reward_redemption.add", condition = "reward")
		void handle() {
		}

	}

	static class Cheers {

		@TwitchEvent("channel.cheer")
		void handle(ChannelCheerEvent event) {
		}

	}

	static class TwoChannels {

		@TwitchEvent(value = "channel.cheer", broadcasterUserId = "44322889")
		@TwitchEvent(value = "channel.subscribe", broadcasterUserId = "44322889")
		void handle() {
		}

	}

}
