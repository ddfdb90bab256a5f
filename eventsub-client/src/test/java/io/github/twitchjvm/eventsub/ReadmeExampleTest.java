package io.github.twitchjvm.eventsub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's EventSub program, statement for statement, against the fake server: only
 * the two endpoints differ, and the lines it prints are collected.
 */
class ReadmeExampleTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension();

	@Test
	void theCheersProgramPrintsEveryCheer() {
		FakeTwitchServer server = twitch.server();
		server.accounts().registerUser("1337", "broadcaster");
		String token = server.accounts().issueToken("1337", List.of("bits:read")).accessToken();
		List<String> printed = new CopyOnWriteArrayList<>();

		EventSubClient client = EventSubClient.builder()
			.uri(server.eventSubUri())
			.helixUri(server.helixUri())
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.accessToken(token)
			.build();
		client.start();
		try {
			client.onCheer("1337", (cheer, notification) -> printed
				.add(((cheer.user() != null) ? cheer.user().name() : "Anonymous") + " cheered " + cheer.bits()));
			server.eventSub()
				.publish("channel.cheer", Map.of("broadcaster_user_id", "1337"),
						"{\"is_anonymous\":false,\"user_id\":\"1234\",\"user_login\":\"cool_user\","
								+ "\"user_name\":\"Cool_User\",\"broadcaster_user_id\":\"1337\","
								+ "\"broadcaster_user_login\":\"broadcaster\",\"broadcaster_user_name\":\"Broadcaster\","
								+ "\"message\":\"Cheer100 pog\",\"bits\":100}");
			server.eventSub().publishSample("channel.cheer", Map.of("broadcaster_user_id", "1337"));
			await().until(() -> printed.size() == 2);
			assertThat(printed.get(0)).isEqualTo("Cool_User cheered 100");
			assertThat(FakeEventSub.types()).contains("channel.cheer");
		}
		finally {
			client.stop();
		}
	}

}
