package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.TopicStatus;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client never goes silent: after every kind of failure, it is listening and
 * delivering again.
 */
@FakeTwitch
class RecoveryTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	private static final String THREAD = "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}";

	private FakeTwitchServer server;

	private TwitchSetup setup;

	private PubSubClient client;

	private final List<TopicStatus> topicChanges = new CopyOnWriteArrayList<>();

	private final List<Topic> revoked = new CopyOnWriteArrayList<>();

	private final Received<WhisperEvent> whispers = new Received<>();

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.setup = new TwitchSetup(server);
		this.client = this.setup.client().listener(new PubSubListener() {
			@Override
			public void topicChanged(TopicStatus status) {
				RecoveryTest.this.topicChanges.add(status);
			}

			@Override
			public void authorizationRevoked(Topic topic) {
				RecoveryTest.this.revoked.add(topic);
			}
		}).build();
		this.client.start();
		this.client.listenWhispers(BROADCASTER, this.whispers);
	}

	@AfterEach
	void tearDown() {
		if (this.client.isRunning()) {
			this.client.stop();
		}
	}

	/**
	 * Publishes until the client received one more message: proof that it listens again.
	 */
	private void assertDeliveringAgain() {
		int before = this.whispers.payloads.size();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.server.publish(WHISPERS, THREAD);
			return this.whispers.payloads.size() > before;
		});
		assertThat(this.client.snapshot().topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.state()).isEqualTo(TopicState.ACTIVE));
	}

	@Test
	void recoversFromADroppedConnection() {
		String before = this.server.connections().get(0).id();
		this.server.faults().drop(null);
		await()
			.until(() -> !this.server.connections().isEmpty() && !this.server.connections().get(0).id().equals(before));
		assertDeliveringAgain();
		assertThat(this.client.snapshot().counters().reconnects()).containsKey("error");
		assertThat(this.topicChanges).extracting(TopicStatus::state).contains(TopicState.PENDING, TopicState.ACTIVE);
	}

	@Test
	void recoversFromACloseFrame() {
		this.server.faults().close(null, 1011, "internal error");
		assertDeliveringAgain();
		assertThat(this.client.snapshot().counters().reconnects()).containsEntry("closed", 1L);
		assertThat(this.client.snapshot().connections()).singleElement()
			.satisfies((connection) -> assertThat(connection.reconnects()).isEqualTo(1));
	}

	@Test
	void waitsForAServerThatIsDownAndUsesItWhenItIsBack() {
		this.server.faults().refuseConnections(Duration.ofMillis(800));
		this.server.faults().drop(null);
		await().until(() -> !this.client.isConnected());
		assertDeliveringAgain();
		assertThat(this.client.isConnected()).isTrue();
	}

	@Test
	void reconnectsWhenPongsStop() {
		PubSubClient pinging = this.setup.client()
			.pingFrequency(Duration.ofMillis(12_300))
			.pingJitter(Duration.ofMillis(100))
			.pongTimeout(Duration.ofMillis(500))
			.build();
		pinging.start();
		try {
			Received<WhisperEvent> received = new Received<>();
			pinging.listenWhispers(BROADCASTER, received);
			this.server.faults().answerPings(false);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> pinging.snapshot().counters().reconnects().containsKey("pong_timeout"));
			this.server.faults().answerPings(true);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				this.server.publish(WHISPERS, THREAD);
				return !received.payloads.isEmpty();
			});
		}
		finally {
			pinging.stop();
		}
	}

	@Test
	void aRevokedTopicIsReportedAndNotListenedAgain() {
		this.server.accounts().revoke(this.setup.broadcasterToken.accessToken());
		await().until(() -> !this.revoked.isEmpty());
		assertThat(this.revoked).containsExactly(Topic.parse(WHISPERS));
		assertThat(this.client.snapshot().topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.state()).isEqualTo(TopicState.REVOKED));
		await().until(() -> this.server.connections().isEmpty());
		assertThat(this.server.publish(WHISPERS, THREAD)).isZero();
	}

	@Test
	void badAuthOnARelistenAfterAReconnectIsReported() {
		this.server.accounts().expire(this.setup.broadcasterToken.accessToken());
		this.server.faults().drop(null);
		await().until(
				() -> this.client.snapshot().topics().stream().anyMatch((topic) -> topic.state() == TopicState.FAILED));
		assertThat(this.client.snapshot().topics()).singleElement().satisfies((topic) -> {
			assertThat(topic.failure()).contains("ERR_BADAUTH");
			assertThat(topic.subscriptions()).isEqualTo(1);
		});
		assertThat(this.topicChanges).extracting(TopicStatus::state).contains(TopicState.FAILED);
	}

}
