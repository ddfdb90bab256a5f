package io.github.twitchjvm.pubsub.readme;

import java.util.Map;

import io.github.twitchjvm.eventsub.annotation.TwitchEvent;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
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
 * The README's EventSub application, as printed there, with the README's properties
 * pointed at the fake EventSub server.
 */
@FakeTwitch
@ExtendWith(OutputCaptureExtension.class)
class ReadmeEventSubExampleTests {

	@Test
	void theReadmeApplicationPrintsACheer(FakeTwitchServer server, CapturedOutput output) {
		server.accounts().registerUser("44322889", "dallas");
		String token = server.accounts().issueToken("44322889", FakeEventSub.ALL_SCOPES).accessToken();
		try (ConfigurableApplicationContext context = SpringApplication.run(CheerBot.class,
				"--twitch.eventsub.url=" + server.eventSubUri(), "--twitch.eventsub.helix-url=" + server.helixUri(),
				"--twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"--twitch.eventsub.access-token=" + token, "--twitch.eventsub.user-id=44322889", "--server.port=0")) {
			assertThat(context.isRunning()).isTrue();
			await().until(() -> server.eventSub()
				.subscriptions()
				.stream()
				.anyMatch((subscription) -> subscription.status().equals("enabled")));
			server.eventSub().publishSample("channel.cheer", Map.of("broadcaster_user_id", "44322889"));
			await().until(() -> output.getOut().contains("Cool_User cheered 1000 bits: pogchamp"));
		}
	}

	// Begin README example
	@SpringBootApplication
	public static class CheerBot {

		public static void main(String[] args) {
			SpringApplication.run(CheerBot.class, args);
		}

		@TwitchEvent("channel.cheer")
		void onCheer(ChannelCheerEvent cheer) {
			String who = (cheer.user() != null) ? cheer.user().name() : "Anonymous";
			System.out.println(who + " cheered " + cheer.bits() + " bits: " + cheer.message());
		}

	}
	// End README example

}
