package io.github.twitchjvm.pubsub.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.UnknownPayload;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample the fake server ships, published over a real socket, reaches a typed
 * handler as a known variant: what a user's test meets when it publishes them, the
 * message over 8 KB included.
 */
@FakeTwitch
class SampleMessagesDeliveryTest {

	@Test
	void everySampleReachesATypedHandler(FakeTwitchServer server) throws Exception {
		TwitchSetup setup = new TwitchSetup(server);
		PubSubClient client = setup.client().build();
		client.start();
		try {
			Map<TopicType, Received<PubSubPayload>> received = new EnumMap<>(TopicType.class);
			for (TopicType type : TopicType.values()) {
				Received<PubSubPayload> handler = new Received<>();
				received.put(type, handler);
				client.listenAsync(topicOf(type), PayloadCodec.payloadType(type), handler).get(10, TimeUnit.SECONDS);
			}
			for (TopicType type : TopicType.values()) {
				List<String> samples = new ArrayList<>(SampleMessages.of(type).values());
				samples.forEach((sample) -> assertThat(server.publish(topicOf(type).value(), sample)).isEqualTo(1));
				List<PubSubPayload> payloads = received.get(type).awaitCount(samples.size());
				assertThat(payloads).as(type.prefix())
					.hasSize(samples.size())
					.allSatisfy((payload) -> assertThat(payload).isNotInstanceOf(UnknownPayload.class));
				// Published in order on one socket, so they arrive in order.
				for (int i = 0; i < samples.size(); i++) {
					assertThat(payloads.get(i)).isEqualTo(PayloadCodec.standard().decode(type, samples.get(i)));
				}
			}
		}
		finally {
			client.stop();
		}
	}

	private static Topic topicOf(TopicType type) {
		String[] ids = new String[type.idCount()];
		Arrays.fill(ids, BROADCASTER);
		return Topic.of(type, ids);
	}

}
