package io.github.twitchjvm.pubsub.it;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's plain-Java example, as written, against the fake server instead of a
 * person pressing ENTER.
 */
@FakeTwitch
class ReadmeExampleTest {

	@Test
	void theReadmeExampleWorks(FakeTwitchServer server) {
		server.accounts().registerUser("100000001", "demo_broadcaster");
		IssuedToken issued = server.accounts().issueToken("100000001", List.of("whispers:read"));
		String token = issued.accessToken();
		String userId = "100000001";
		URI uri = server.pubSubUri();
		List<String> printed = new CopyOnWriteArrayList<>();

		// --- as in the README ---
		PubSubClient pubsub = PubSubClient.builder()
			.uri(uri)
			.tokenProvider(StaticTokenProvider.of(AccessToken.of(token, Set.of("whispers:read"))))
			.build();
		pubsub.start();
		UUID uuid = pubsub.listenWhispers(userId, (subscription, whisper) -> {
			printed.add("got callback for UUID " + subscription);
			if (whisper instanceof WhisperEvent.Received received) {
				printed.add(received.whisper().tags().displayName() + ": " + received.whisper().body());
			}
		});
		// --- the server publishes a whisper, as curl does in the README ---
		server.publish("whispers.100000001", "{\"type\":\"whisper_received\",\"data\":\"{\\\"id\\\":1,"
				+ "\\\"thread_id\\\":\\\"1_100000001\\\",\\\"body\\\":\\\"hello\\\",\\\"sent_ts\\\":1700000000,"
				+ "\\\"from_id\\\":1,\\\"tags\\\":{\\\"login\\\":\\\"friend\\\",\\\"display_name\\\":\\\"Friend\\\","
				+ "\\\"color\\\":\\\"\\\",\\\"turbo\\\":false,\\\"emotes\\\":[],\\\"badges\\\":[]},\\\"recipient\\\":{"
				+ "\\\"id\\\":100000001,\\\"username\\\":\\\"demo_broadcaster\\\",\\\"display_name\\\":"
				+ "\\\"Demo_Broadcaster\\\",\\\"color\\\":\\\"\\\",\\\"turbo\\\":false,\\\"badges\\\":[]}}\"}");
		await().until(() -> printed.size() == 2);
		pubsub.unlisten(uuid);
		pubsub.stop();
		// ---

		assertThat(printed).containsExactly("got callback for UUID " + uuid, "Friend: hello");
	}

}
