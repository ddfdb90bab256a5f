package io.github.twitchjvm.pubsub.readme;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's PubSub application ({@link ReadmeExampleTests.WhisperBot}), unchanged,
 * moved to EventSub by the README's properties: a whisper on EventSub reaches its
 * {@code @TwitchTopic("whispers")} method as a PubSub whisper.
 */
@FakeTwitch
@ExtendWith(OutputCaptureExtension.class)
class ReadmeMigrationExampleTests {

	@Test
	void theReadmePubSubApplicationPrintsAWhisperThatCameOverEventSub(FakeTwitchServer server, CapturedOutput output) {
		server.accounts().registerUser("44322889", "dallas");
		String token = server.accounts().issueToken("44322889", FakeEventSub.ALL_SCOPES).accessToken();
		try (ConfigurableApplicationContext context = SpringApplication.run(ReadmeExampleTests.WhisperBot.class,
				"--twitch.pubsub.access-token=" + token, "--twitch.pubsub.user-id=44322889",
				"--twitch.pubsub.transport=eventsub", "--twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"--twitch.eventsub.url=" + server.eventSubUri(), "--twitch.eventsub.helix-url=" + server.helixUri(),
				"--server.port=0")) {
			assertThat(context.isRunning()).isTrue();
			await().until(() -> server.eventSub()
				.subscriptions()
				.stream()
				.anyMatch((subscription) -> subscription.status().equals("enabled")));
			server.eventSub()
				.publish("user.whisper.message", java.util.Map.of("user_id", "44322889"),
						"{\"from_user_id\":\"423374343\",\"from_user_login\":\"pixel_wren\",\"from_user_name\":\"Pixel_Wren\","
								+ "\"to_user_id\":\"44322889\",\"to_user_login\":\"dallas\",\"to_user_name\":\"dallas\","
								+ "\"whisper_id\":\"a-whisper\",\"whisper\":{\"text\":\"are you streaming tonight?\"}}");
			await().until(() -> output.getOut().contains("Pixel_Wren: are you streaming tonight?"));
			assertThat(output.getOut()).contains("Over EventSub, @TwitchTopic")
				.contains("whispers.44322889 rides on user.whisper.message@1{user_id=44322889}");
		}
	}

}
