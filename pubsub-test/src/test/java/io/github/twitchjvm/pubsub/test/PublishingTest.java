package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.time.Instant;

import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.test.FakeTwitchFixture.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FakeTwitch
class PublishingTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	private FakeTwitchServer server;

	private String token;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.token = FakeTwitchFixture.prepare(server).broadcasterToken.accessToken();
	}

	@Test
	void publishesATypedPayloadInTheWireShape() {
		Topic topic = TopicType.BITS_BADGE_UNLOCKS.topic(BROADCASTER);
		BitsBadgeUnlock unlock = new BitsBadgeUnlock("1", "viewer", BROADCASTER, "dallas", 1000, "yay",
				Instant.parse("2024-01-01T00:00:00Z"));
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", this.token, topic.value());
			socket.expectResponse("n", "");
			assertThat(this.server.publish(topic, unlock)).isEqualTo(1);
			JsonNode frame = socket.next();
			String message = frame.get("data").get("message").asString();
			assertThat(PayloadCodec.standard().decode(TopicType.BITS_BADGE_UNLOCKS, message)).isEqualTo(unlock);
		}
	}

	@Test
	void carriesMessagesLargerThanTomcatsDefaultLimit() {
		String body = "x".repeat(20_000);
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", this.token, WHISPERS);
			socket.expectResponse("n", "");
			this.server.publish(WHISPERS, "{\"body\":\"" + body + "\"}");
			assertThat(socket.next().get("data").get("message").asString()).contains(body);
		}
	}

	@Test
	void burstsMessagesInOrderAndTimesThem() {
		int count = 5_000;
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("n", this.token, WHISPERS);
			socket.expectResponse("n", "");
			BurstResult result = this.server.burst(WHISPERS, count, (i) -> "{\"seq\":" + i + "}");
			assertThat(result.connections()).isEqualTo(1);
			assertThat(result.messagesPerConnection()).isEqualTo(count);
			assertThat(result.bytes()).isGreaterThan(count * 40L);
			assertThat(result.elapsed()).isPositive();
			assertThat(result.messagesPerSecond()).isPositive();
			for (int i = 0; i < count; i++) {
				assertThat(socket.next().get("data").get("message").asString()).isEqualTo("{\"seq\":" + i + "}");
			}
		}
	}

	@Test
	void burstsTheSameMessageToEveryListener() {
		try (TestSocket first = TestSocket.connect(this.server); TestSocket second = TestSocket.connect(this.server)) {
			first.listen("a", this.token, WHISPERS);
			second.listen("b", this.token, WHISPERS);
			first.expectResponse("a", "");
			second.expectResponse("b", "");
			BurstResult result = this.server.burst(WHISPERS, 300, "{\"same\":true}");
			assertThat(result.connections()).isEqualTo(2);
			for (TestSocket socket : new TestSocket[] { first, second }) {
				for (int i = 0; i < 300; i++) {
					assertThat(socket.next().get("data").get("message").asString()).isEqualTo("{\"same\":true}");
				}
			}
			assertThat(this.server.stats().messagesDelivered()).isEqualTo(600);
		}
	}

	@Test
	void disconnectsAClientThatStopsReading() {
		String big = "{\"filler\":\"" + "y".repeat(64 * 1024) + "\"}";
		try (TestSocket stuck = TestSocket.connectWithoutReading(this.server)) {
			stuck.listen("n", this.token, WHISPERS);
			await().until(() -> this.server.publish(WHISPERS, "{}") == 1);
			// Kernel buffers on loopback hold a few MB; the limit trips once they are
			// full and 30 more wait.
			int published = 0;
			while (!this.server.connections().isEmpty() && published < 5_000) {
				this.server.publish(WHISPERS, big);
				published++;
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.server.connections().isEmpty());
			assertThat(published).isLessThan(5_000);
		}
	}

}
