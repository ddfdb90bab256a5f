package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RECONNECT while the server publishes throughout: the client opens a replacement,
 * listens there, switches and closes the old socket, and the application sees every
 * message exactly once, in order.
 */
class HandoverTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(
			FakeServerSettings.builder().reconnectGracePeriod(Duration.ofSeconds(5)).build());

	private FakeTwitchServer server;

	private PubSubClient client;

	@BeforeEach
	void setUp() {
		this.server = twitch.server();
		this.client = new TwitchSetup(this.server).client().build();
		this.client.start();
	}

	@AfterEach
	void tearDown() {
		this.client.stop();
	}

	@RepeatedTest(3)
	void losesNothingAndDuplicatesNothingAcrossAHandover() throws Exception {
		List<String> topics = List.of("whispers." + BROADCASTER, "channel-bits-events-v2." + BROADCASTER,
				"channel-points-channel-v1." + BROADCASTER);
		List<Received<PubSubMessage>> received = new ArrayList<>();
		for (String topic : topics) {
			Received<PubSubMessage> handler = new Received<>();
			received.add(handler);
			this.client.listenRawAsync(io.github.twitchjvm.pubsub.topic.Topic.parse(topic), handler).get();
		}
		AtomicBoolean publishing = new AtomicBoolean(true);
		AtomicInteger sequence = new AtomicInteger();
		Thread publisher = new Thread(() -> {
			while (publishing.get()) {
				int n = sequence.getAndIncrement();
				for (String topic : topics) {
					this.server.publish(topic, "{\"seq\":" + n + "}");
				}
				// About 2,000 messages a second per topic: a steady stream, not a flood
				// the handler cannot keep up with.
				LockSupport.parkNanos(500_000);
			}
		}, "publisher");
		publisher.start();
		try {
			await().until(() -> sequence.get() > 200);
			String before = this.server.connections().get(0).id();
			assertThat(this.server.faults().sendReconnect(null)).isEqualTo(1);
			// The handover is over when the old connection is gone and the new one
			// carries every topic.
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.server.connections().size() == 1
						&& !this.server.connections().get(0).id().equals(before)
						&& this.server.connections().get(0).topics().size() == topics.size());
			int after = sequence.get();
			await().until(() -> sequence.get() > after + 200);
		}
		finally {
			publishing.set(false);
			publisher.join();
		}
		int published = sequence.get();
		for (Received<PubSubMessage> handler : received) {
			handler.awaitCount(published);
			List<Integer> seen = handler.payloads.stream().map((m) -> m.json().get("seq").asInt()).toList();
			List<Integer> expected = java.util.stream.IntStream.range(0, published).boxed().toList();
			assertThat(seen).as("every message once, in order").isEqualTo(expected);
		}
		assertThat(this.client.snapshot().counters().reconnects()).containsEntry("server_reconnect", 1L);
		assertThat(this.client.snapshot().counters().dropped()).doesNotContainKey("queue_full");
	}

}
