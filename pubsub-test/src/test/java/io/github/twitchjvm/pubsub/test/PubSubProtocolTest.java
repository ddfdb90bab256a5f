package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.test.FakeTwitchFixture.BROADCASTER;
import static io.github.twitchjvm.pubsub.test.FakeTwitchFixture.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FakeTwitch
class PubSubProtocolTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	private FakeTwitchServer server;

	private FakeTwitchFixture accounts;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.accounts = FakeTwitchFixture.prepare(server);
	}

	@Test
	void answersPingWithPong() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{\"type\":\"PING\"}");
			assertThat(socket.nextText()).isEqualTo("{\"type\":\"PONG\"}");
		}
	}

	@Test
	void listensAndAnswersWithTheNonceInTheRealKeyOrder() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n1", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			socket.expectResponse("n1", "");
			assertThat(this.server.connections()).singleElement()
				.satisfies((connection) -> assertThat(connection.topics()).containsExactly(WHISPERS));
		}
	}

	@Test
	void publishesToEveryListeningConnectionWithTheMessageAsAString() {
		try (TestSocket first = TestSocket.connect(this.server);
				TestSocket second = TestSocket.connect(this.server);
				TestSocket other = TestSocket.connect(this.server)) {
			first.listen("a", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			second.listen("b", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			other.listen("c", this.accounts.broadcasterToken.accessToken(), "channel-bits-events-v2." + BROADCASTER);
			first.expectResponse("a", "");
			second.expectResponse("b", "");
			other.expectResponse("c", "");

			assertThat(this.server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{}\"}")).isEqualTo(2);

			for (TestSocket socket : List.of(first, second)) {
				JsonNode frame = socket.next();
				assertThat(frame.get("type").asString()).isEqualTo("MESSAGE");
				assertThat(frame.get("data").get("topic").asString()).isEqualTo(WHISPERS);
				assertThat(frame.get("data").get("message").isString()).as("message is a JSON string").isTrue();
				assertThat(frame.get("data").get("message").asString())
					.isEqualTo("{\"type\":\"thread\",\"data\":\"{}\"}");
			}
		}
	}

	@Test
	void aRequestWithOneBadTopicFailsWholeAndChangesNothing() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", this.accounts.broadcasterToken.accessToken(), WHISPERS, "whispers.abc");
			socket.expectResponse("n", "ERR_BADTOPIC");
			socket.listen("m", this.accounts.broadcasterToken.accessToken(), WHISPERS, "whispers.99999");
			socket.expectResponse("m", "ERR_BADAUTH");
			assertThat(this.server.connections().get(0).topics()).isEmpty();
			assertThat(this.server.publish(WHISPERS, "{}")).isZero();
		}
	}

	@Test
	void answersMalformedRequestsWithBadMessage() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{not json");
			socket.expectResponse("", "ERR_BADMESSAGE");
			socket.send("{\"nonce\":\"no-type\"}");
			socket.expectResponse("no-type", "ERR_BADMESSAGE");
			socket.send("{\"type\":\"SUBSCRIBE\",\"nonce\":\"unknown-type\"}");
			socket.expectResponse("unknown-type", "ERR_BADMESSAGE");
			socket.send("{\"type\":\"LISTEN\",\"nonce\":\"no-topics\",\"data\":{\"auth_token\":\"x\"}}");
			socket.expectResponse("no-topics", "ERR_BADMESSAGE");
			socket.send("{\"type\":\"LISTEN\",\"nonce\":\"empty\",\"data\":{\"topics\":[]}}");
			socket.expectResponse("empty", "ERR_BADMESSAGE");
			socket.send("[1,2]");
			socket.expectResponse("", "ERR_BADMESSAGE");
		}
	}

	@Test
	void answersUnknownFamiliesAndMalformedIdsWithBadTopic() {
		String token = this.accounts.broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("family", token, "video-playback-by-id." + BROADCASTER);
			socket.expectResponse("family", "ERR_BADTOPIC");
			socket.listen("ids", token, "chat_moderator_actions." + BROADCASTER);
			socket.expectResponse("ids", "ERR_BADTOPIC");
			socket.listen("numeric", token, "whispers.dallas");
			socket.expectResponse("numeric", "ERR_BADTOPIC");
		}
	}

	@Test
	void rejectsTokensThatDoNotAuthoriseTheTopic() {
		IssuedToken expired = this.server.accounts().issueToken(BROADCASTER, TwitchAccounts.ALL_SCOPES);
		this.server.accounts().expire(expired.accessToken());
		IssuedToken noScope = this.server.accounts().issueToken(BROADCASTER, List.of("bits:read"));
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("unknown", "notatoken", WHISPERS);
			socket.expectResponse("unknown", "ERR_BADAUTH");
			socket.listen("expired", expired.accessToken(), WHISPERS);
			socket.expectResponse("expired", "ERR_BADAUTH");
			socket.listen("scope", noScope.accessToken(), WHISPERS);
			socket.expectResponse("scope", "ERR_BADAUTH");
			socket.listen("user", this.accounts.moderatorToken.accessToken(),
					"automod-queue." + BROADCASTER + "." + BROADCASTER);
			socket.expectResponse("user", "ERR_BADAUTH");
			socket.listen("prefix", "oauth:" + this.accounts.broadcasterToken.accessToken(), WHISPERS);
			socket.expectResponse("prefix", "ERR_BADAUTH");
			socket.send("{\"type\":\"LISTEN\",\"nonce\":\"none\",\"data\":{\"topics\":[\"" + WHISPERS + "\"]}}");
			socket.expectResponse("none", "ERR_BADAUTH");
		}
	}

	@Test
	void authorisesTwoIdTopicsByTheFirstId() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("mod", this.accounts.moderatorToken.accessToken(),
					"chat_moderator_actions." + MODERATOR + "." + BROADCASTER,
					"low-trust-users." + MODERATOR + "." + BROADCASTER);
			socket.expectResponse("mod", "");
		}
	}

	@Test
	void rejectsAppAccessTokens() throws Exception {
		IssuedToken app = this.server.accounts().issueAppToken(TwitchAccounts.DEFAULT_CLIENT_ID, List.of());
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("app", app.accessToken(), WHISPERS);
			socket.expectResponse("app", "ERR_BADAUTH");
		}
	}

	@Test
	void theFiftyFirstTopicFailsWithTheDefaultError() {
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String channel = String.valueOf(1000 + i);
			this.server.accounts().registerUser(channel, "channel" + i);
			String token = this.server.accounts().issueToken(channel, List.of("bits:read")).accessToken();
			topics.add(token + " channel-bits-events-v2." + channel);
		}
		try (TestSocket socket = TestSocket.connect(this.server)) {
			for (int i = 0; i < topics.size(); i++) {
				String[] tokenAndTopic = topics.get(i).split(" ");
				socket.listen("n" + i, tokenAndTopic[0], tokenAndTopic[1]);
				socket.expectResponse("n" + i, "");
			}
			socket.listen("51", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			socket.expectResponse("51", "ERR_BADMESSAGE");
			socket.listen("again", this.accounts.broadcasterToken.accessToken(), topics.get(0).split(" ")[1]);
			socket.expectResponse("again", "ERR_BADAUTH");
			assertThat(this.server.connections().get(0).topics()).hasSize(50).doesNotContain(WHISPERS);
		}
	}

	@Test
	void unlistenStopsDelivery() throws Exception {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("l", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			socket.expectResponse("l", "");
			socket.send(TestSocket.request("UNLISTEN", "u", null, WHISPERS));
			socket.expectResponse("u", "");
			assertThat(this.server.publish(WHISPERS, "{}")).isZero();
			socket.send(TestSocket.request("UNLISTEN", "never", null, "channel-bits-events-v1.1"));
			socket.expectResponse("never", "");
			socket.send(TestSocket.request("UNLISTEN", "bad", null, "nope"));
			socket.expectResponse("bad", "ERR_BADTOPIC");
		}
	}

	@Test
	void countsWhatHappened() {
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.send("{\"type\":\"PING\"}");
			socket.nextText();
			socket.listen("ok", this.accounts.broadcasterToken.accessToken(), WHISPERS);
			socket.expectResponse("ok", "");
			socket.listen("bad", "x", WHISPERS);
			socket.expectResponse("bad", "ERR_BADAUTH");
			this.server.publish(WHISPERS, "{}");
			socket.nextText();
			ServerStats stats = this.server.stats();
			assertThat(stats.connectionsOpen()).isEqualTo(1);
			assertThat(stats.framesReceived()).isEqualTo(3);
			assertThat(stats.pings()).isEqualTo(1);
			assertThat(stats.responses()).containsEntry("", 1L).containsEntry("ERR_BADAUTH", 1L);
			assertThat(stats.messagesDelivered()).isEqualTo(1);
		}
	}

	@Test
	void recordsReceivedFramesWithTokensMasked() {
		String token = this.accounts.broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", token, WHISPERS);
			socket.expectResponse("n", "");
			socket.send("{\"type\":\"LISTEN\",\"data\":{\"auth_token\":\"" + token + "\",\"topics\":[");
			socket.nextText();
			await().until(() -> this.server.receivedFrames().size() == 2);
			assertThat(this.server.receivedFrames()).allSatisfy((frame) -> {
				assertThat(frame.text()).doesNotContain(token).contains("\"auth_token\":\"***\"");
				assertThat(frame.connectionId()).isEqualTo(this.server.connections().get(0).id());
			});
		}
	}

	@Test
	void forgetsTheTopicsOfAClosedConnection() {
		TestSocket socket = TestSocket.connect(this.server);
		socket.listen("n", this.accounts.broadcasterToken.accessToken(), WHISPERS);
		socket.expectResponse("n", "");
		socket.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.server.connections().isEmpty());
		assertThat(this.server.publish(WHISPERS, "{}")).isZero();
	}

}
