package io.github.twitchjvm.pubsub.it;

import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frames a server should not send, over a real socket: each is counted once, whatever it
 * spans, and the connection stays.
 */
@FakeTwitch
class HostileFramesTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	@Test
	void aBinaryMessageInManyFramesCountsAsOneBadFrame(FakeTwitchServer server) throws Exception {
		PubSubClient client = new TwitchSetup(server).client().build();
		client.start();
		try {
			Received<PubSubMessage> received = new Received<>();
			client.listenRawAsync(Topic.parse(WHISPERS), received).get();
			server.faults().sendBinary(null, 64 * 1024, 16);
			server.faults().sendRaw(null, "{\"type\":\"PONG\"}");
			server.faults()
				.sendRaw(null, "{\"type\":\"RESPONSE\",\"error\":\"ERR_SERVER\",\"nonce\":\"nobody-asked\"}");
			// Frames arrive in order: once this message is here, so are the frames
			// before.
			server.publish(WHISPERS, "{\"after\":true}");
			received.awaitCount(1);

			ClientSnapshot.Counters counters = client.snapshot().counters();
			assertThat(counters.badFrames()).isEqualTo(1);
			assertThat(counters.unexpectedFrames()).isEqualTo(2);
			assertThat(client.isConnected()).isTrue();
			assertThat(server.connections()).hasSize(1);
		}
		finally {
			client.stop();
		}
	}

}
