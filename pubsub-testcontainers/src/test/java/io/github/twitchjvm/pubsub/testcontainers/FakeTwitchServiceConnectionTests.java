package io.github.twitchjvm.pubsub.testcontainers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.annotation.TwitchEvent;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user's integration test: {@code @ServiceConnection} on a {@link FakeTwitchContainer}
 * configures both clients (no {@code twitch.*} property is set anywhere), and the
 * application's {@code @TwitchTopic} and {@code @TwitchEvent} handlers receive what the
 * containerised server sends.
 */
// @Testcontainers first: its afterAll (stopping the container) then runs after Spring's,
// which closes the context, so the clients stop before their server does.
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@DirtiesContext
class FakeTwitchServiceConnectionTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Container
	@ServiceConnection
	static final FakeTwitchContainer twitch = FakeTwitchImage.container();

	@Autowired
	private ChannelBot bot;

	@Autowired
	private PubSubClient pubSub;

	@Autowired
	private EventSubClient eventSub;

	@Test
	void theHandlersReceiveEventsFromTheContainer() {
		String whispers = TopicType.WHISPERS.topic(FakeTwitchContainer.BROADCASTER_ID).value();
		await().atMost(WAIT)
			.until(() -> twitch.connections()
				.stream()
				.anyMatch((connection) -> connection.topics().contains(whispers)));
		await().atMost(WAIT)
			.until(() -> twitch.eventSub()
				.subscriptions()
				.stream()
				.anyMatch((subscription) -> subscription.type().equals("channel.cheer") && subscription.isEnabled()));

		assertThat(twitch.publish(whispers, SampleMessages.get(TopicType.WHISPERS, "whisper_received"))).isEqualTo(1);
		assertThat(twitch.eventSub()
			.publishSample("channel.cheer", Map.of("broadcaster_user_id", FakeTwitchContainer.BROADCASTER_ID)))
			.hasSize(1);

		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(this.bot.whispers).hasSize(1);
			assertThat(this.bot.cheers).singleElement().satisfies((cheer) -> assertThat(cheer.bits()).isPositive());
		});
		assertThat(this.pubSub.isConnected()).isTrue();
		assertThat(this.eventSub.isConnected()).isTrue();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ChannelBot.class)
	static class BotApplication {

	}

	static class ChannelBot {

		final List<WhisperEvent.Received> whispers = new CopyOnWriteArrayList<>();

		final List<ChannelCheerEvent> cheers = new CopyOnWriteArrayList<>();

		@TwitchTopic("whispers")
		void onWhisper(WhisperEvent.Received whisper) {
			this.whispers.add(whisper);
		}

		@TwitchEvent("channel.cheer")
		void onCheer(ChannelCheerEvent cheer) {
			this.cheers.add(cheer);
		}

	}

}
