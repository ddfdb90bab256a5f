package io.github.twitchjvm.pubsub.migration;

import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
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

	static class KeepsUnknown {

		@TwitchTopic("whispers")
		void handle(WhisperEvent.Unknown unknown) {
		}

	}

}
