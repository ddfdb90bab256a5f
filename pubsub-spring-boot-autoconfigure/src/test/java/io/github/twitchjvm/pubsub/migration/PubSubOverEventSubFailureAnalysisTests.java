package io.github.twitchjvm.pubsub.migration;

import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What does not move to EventSub fails the startup with the EventSub type and the
 * annotation to use instead; what moves reports what it rides on.
 */
class PubSubOverEventSubFailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class, PubSubAutoConfiguration.class,
						EventSubAutoConfiguration.class, PubSubOverEventSubAutoConfiguration.class))
		.withPropertyValues("twitch.pubsub.transport=eventsub", "twitch.eventsub.url=ws://127.0.0.1:9/unused",
				"twitch.eventsub.helix-url=http://127.0.0.1:9/helix", "twitch.eventsub.client-id=someclientid",
				"twitch.pubsub.access-token=abcdefghijklmnopqrstuvwxyz0123", "twitch.pubsub.user-id=44322889",
				"twitch.eventsub.auto-startup=false");

	@Test
	void aPayloadVariantEventSubDoesNotCarry() {
		this.runner.withBean(WhisperThreads.class).run((context) -> {
			Throwable failure = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(failure).isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining(WhisperThreads.class.getName() + ".handle(ThreadUpdate)")
				.hasMessageContaining("which does not arrive over EventSub");
			assertThat(((PubSubConfigurationException) failure).getAction()).contains("user.whisper.message");
		});
	}

	@Test
	void anUndocumentedTopic() {
		this.runner.withBean(Undocumented.class).run((context) -> {
			Throwable failure = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(failure).isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining("video-playback-by-id.44322889, which has no EventSub route");
			assertThat(((PubSubConfigurationException) failure).getAction()).contains("@TwitchEvent");
		});
	}

	@Test
	void aTopicOfAUserWithoutAToken() {
		this.runner.withBean(OtherUsersWhispers.class).run((context) -> {
			Throwable failure = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
			assertThat(failure).isInstanceOf(TwitchConfigurationException.class)
				.hasMessageContaining("@TwitchTopic method " + OtherUsersWhispers.class.getName())
				.hasMessageContaining("there is no token for user 12826");
		});
	}

	@Test
	void bothAnnotationModelsTogetherBeyondWhatOneTokenMayHave() {
		this.runner
			.withConfiguration(AutoConfigurations
				.of(io.github.twitchjvm.eventsub.autoconfigure.TwitchEventAnnotationAutoConfiguration.class))
			.withPropertyValues("twitch.eventsub.max-sessions=1", "twitch.eventsub.subscriptions-per-session=2")
			.withBean(WhispersAndCheers.class)
			.run((context) -> {
				Throwable failure = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
				assertThat(failure).isInstanceOf(TwitchConfigurationException.class)
					.hasMessageContaining("want 3 EventSub subscriptions with the token of user 44322889");
			});
	}

	@Test
	void eventSubSwitchedOffSaysSo() {
		this.runner.withPropertyValues("twitch.eventsub.enabled=false")
			.withBean(KeepsUnknown.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining(
						"rides on EventSub (twitch.pubsub.transport=eventsub), whose client is not " + "configured"));
	}

	@Test
	void theListenersRideOnEventSubEvenBesideAnApplicationsOwnPubSubClient() {
		this.runner
			.withBean(io.github.twitchjvm.pubsub.PubSubClient.class,
					() -> io.github.twitchjvm.pubsub.PubSubClient.builder()
						.uri(java.net.URI.create("ws://127.0.0.1:9/unused"))
						.accessToken("abcdefghijklmnopqrstuvwxyz0123")
						.build())
			.withBean(KeepsUnknown.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry.class)
					.getListeners()).singleElement();
				assertThat(context.getBean(io.github.twitchjvm.pubsub.PubSubClient.class).snapshot().topics())
					.isEmpty();
			});
	}

	@Test
	void anUnknownVariantHandlerIsNoReasonToFail() {
		this.runner.withBean(KeepsUnknown.class).run((context) -> assertThat(context).hasNotFailed());
	}

	static class WhisperThreads {

		@TwitchTopic("whispers")
		void handle(WhisperEvent.ThreadUpdate thread) {
		}

	}

	static class Undocumented {

		@TwitchTopic(topic = "video-playback-by-id.44322889")
		void handle(PubSubMessage message) {
		}

	}

	static class OtherUsersWhispers {

		@TwitchTopic(value = "whispers", userId = "12826")
		void handle(WhisperEvent.Received whisper) {
		}

	}

	static class WhispersAndCheers {

		// whispers and channel-bits-events-v2 ride on 2 subscriptions, the cheer method
		// on
		// one of them (shared) and channel.subscribe: 3 in all.
		@TwitchTopic("whispers")
		@TwitchTopic("channel-bits-events-v2")
		void topics(PubSubMessage message) {
		}

		@io.github.twitchjvm.eventsub.annotation.TwitchEvent("channel.cheer")
		@io.github.twitchjvm.eventsub.annotation.TwitchEvent("channel.subscribe")
		void events() {
		}

	}

	static class KeepsUnknown {

		@TwitchTopic("whispers")
		void handle(WhisperEvent.Unknown unknown) {
		}

	}

}
