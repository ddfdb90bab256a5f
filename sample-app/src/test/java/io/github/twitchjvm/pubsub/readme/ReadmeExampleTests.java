package io.github.twitchjvm.pubsub.readme;

import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's first Spring Boot application, as printed there, with the README's
 * properties.
 */
@FakeTwitch
@ExtendWith(OutputCaptureExtension.class)
class ReadmeExampleTests {

	@Test
	void theReadmeApplicationPrintsAWhisper(FakeTwitchServer server, CapturedOutput output) {
		server.accounts().registerUser("44322889", "dallas");
		String token = server.accounts().issueToken("44322889", TwitchAccounts.ALL_SCOPES).accessToken();
		// What the README's application.yml says, as arguments: they win over the
		// sample's own application.yml.
		try (ConfigurableApplicationContext context = SpringApplication.run(WhisperBot.class,
				"--twitch.pubsub.url=" + server.pubSubUri(), "--twitch.pubsub.access-token=" + token,
				"--twitch.pubsub.user-id=44322889", "--server.port=0")) {
			assertThat(context.isRunning()).isTrue();
			await().until(() -> server.connections().stream().anyMatch((connection) -> !connection.topics().isEmpty()));
			server.publish("whispers.44322889", SampleMessages.get(TopicType.WHISPERS, "whisper_received"));
			await().until(() -> output.getOut().contains("Pixel_Wren: hey Kappa are you streaming tonight?"));
		}
	}

	// Begin README example
	@SpringBootApplication
	public static class WhisperBot {

		public static void main(String[] args) {
			SpringApplication.run(WhisperBot.class, args);
		}

		@TwitchTopic("whispers")
		void onWhisper(WhisperEvent.Received received) {
			System.out.println(received.whisper().tags().displayName() + ": " + received.whisper().body());
		}

	}
	// End README example

}
