package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's "PubSub over EventSub" program, statement for statement, against the fake
 * server: only the two endpoints differ, and the lines it prints are collected.
 */
class ReadmeExampleTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension();

	@Test
	void thePubSubCheersProgramPrintsEveryCheerFromEventSub() {
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
			PubSubOverEventSub pubsub = new PubSubOverEventSub(client);
			pubsub.listenAsync(TopicType.BITS_V2.topic("1337"), (subscription, message) -> {
				if (message.payload() instanceof BitsEvent.Cheer cheer) {
					printed.add(((cheer.userName() != null) ? cheer.userName() : "Anonymous") + " cheered "
							+ cheer.bitsUsed() + " bits");
				}
			}).join();
			server.eventSub()
				.publish("channel.cheer", Map.of("broadcaster_user_id", "1337"),
						"{\"is_anonymous\":false,\"user_id\":\"1234\",\"user_login\":\"cool_user\","
								+ "\"user_name\":\"Cool_User\",\"broadcaster_user_id\":\"1337\","
								+ "\"broadcaster_user_login\":\"broadcaster\",\"broadcaster_user_name\":\"Broadcaster\","
								+ "\"message\":\"Cheer100 pog\",\"bits\":100}");
			server.eventSub()
				.publish("channel.cheer", Map.of("broadcaster_user_id", "1337"),
						"{\"is_anonymous\":true,\"user_id\":null,\"user_login\":null,\"user_name\":null,"
								+ "\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\":\"broadcaster\","
								+ "\"broadcaster_user_name\":\"Broadcaster\",\"message\":\"Cheer5\",\"bits\":5}");
			await().until(() -> printed.size() == 2);
			assertThat(printed).containsExactly("cool_user cheered 100 bits", "Anonymous cheered 5 bits");
		}
		finally {
			client.stop();
		}
	}

}
