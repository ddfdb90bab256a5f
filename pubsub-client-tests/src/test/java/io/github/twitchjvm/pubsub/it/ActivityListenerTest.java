package io.github.twitchjvm.pubsub.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The activity callbacks metrics are built on: one scenario that causes each of them. */
@FakeTwitch
class ActivityListenerTest {

	private static final String WHISPERS = "whispers." + BROADCASTER;

	/** Records every activity callback as a line. */
	static final class Activity implements PubSubListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void messageReceived(Topic topic) {
			this.events.add("received " + topic);
		}

		@Override
		public void messageDropped(@Nullable Topic topic, DropReason reason, long count) {
			this.events.add("dropped " + topic + " " + reason.tagValue());
		}

		@Override
		public void listenCompleted(Topic topic, @Nullable String error, Duration elapsed) {
			this.events.add("listen " + topic + " " + error + (elapsed.isNegative() ? " negative time" : ""));
		}

		@Override
		public void reconnecting(String connectionId, ReconnectCause cause) {
			this.events.add("reconnecting " + connectionId + " " + cause.tagValue());
		}

		@Override
		public void pongReceived(String connectionId, Duration roundTrip) {
			this.events
				.add("pong " + connectionId + ((roundTrip.isNegative() || roundTrip.isZero()) ? " no time" : ""));
		}

		boolean has(String event) {
			return this.events.contains(event);
		}

	}

	@Test
	void reportsEachActivity(FakeTwitchServer server) {
		Activity activity = new Activity();
		Activity second = new Activity();
		PubSubClient client = new TwitchSetup(server).client()
			.pingFrequency(Duration.ofMillis(12_300))
			.pingJitter(Duration.ofMillis(100))
			.listener(activity)
			.listener(new PubSubListener() {
				@Override
				public void messageReceived(Topic topic) {
					throw new IllegalStateException("a failing listener must not stop the others");
				}
			})
			.listener(second)
			.build();
		client.start();
		try {
			client.listenWhispers(BROADCASTER, (id, whisper) -> {
			});
			assertThat(activity.events).contains("listen " + WHISPERS + " null");

			server.publish(WHISPERS, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}");
			server.publish(WHISPERS, "{\"type\":\"whisper_received\",\"data\":\"{broken\"}");
			server.faults()
				.sendRaw(null, "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.999\",\"message\":\"{}\"}}");
			await().until(() -> activity.has("dropped " + WHISPERS + " decode_error")
					&& activity.has("dropped null no_subscriber"));
			assertThat(activity.events).contains("received " + WHISPERS);
			assertThat(second.events).as("a later listener is still told").contains("received " + WHISPERS);

			server.faults().failNextListens(1, "ERR_BADTOPIC");
			client.listenBitsAsync(BROADCASTER, (id, bits) -> {
			});
			await().until(() -> activity.has("listen channel-bits-events-v2." + BROADCASTER + " ERR_BADTOPIC"));

			server.faults().sendReconnect(null);
			await().until(() -> activity.events.stream().anyMatch((event) -> event.endsWith(" server_reconnect")));

			await().atMost(Duration.ofSeconds(30))
				.until(() -> activity.events.stream().anyMatch((event) -> event.startsWith("pong pubsub-")));
			assertThat(activity.events).noneMatch((event) -> event.endsWith(" time"));
		}
		finally {
			client.stop();
		}
	}

}
