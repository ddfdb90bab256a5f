package io.github.twitchjvm.pubsub.it;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * stop() closes the sockets and leaves no thread behind; start() after stop() listens
 * again.
 */
@FakeTwitch
class StopTest {

	@Test
	void stopLeavesNoThreadAndStartListensAgain(FakeTwitchServer server) {
		TwitchSetup setup = new TwitchSetup(server);
		await().until(() -> TwitchSetup.clientThreads().isEmpty());
		PubSubClient client = setup.client().build();
		client.start();
		Received<io.github.twitchjvm.pubsub.message.WhisperEvent> whispers = new Received<>();
		client.listenWhispers(BROADCASTER, whispers);
		client.listenBits(BROADCASTER, new Received<>());
		assertThat(TwitchSetup.clientThreads()).isNotEmpty();
		int threadsWithOneSocket = TwitchSetup.clientThreads().size();

		client.stop();
		await().until(() -> server.connections().isEmpty());
		await().until(() -> TwitchSetup.clientThreads().isEmpty());
		assertThat(client.isConnected()).isFalse();

		client.start();
		await().until(() -> server.connections().size() == 1 && server.connections().get(0).topics().size() == 2);
		server.publish("whispers." + BROADCASTER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"x\\\"}\"}");
		assertThat(whispers.awaitCount(1)).hasSize(1);
		assertThat(TwitchSetup.clientThreads()).hasSizeLessThanOrEqualTo(threadsWithOneSocket + 2);
		client.stop();
		await().until(() -> TwitchSetup.clientThreads().isEmpty());
	}

}
