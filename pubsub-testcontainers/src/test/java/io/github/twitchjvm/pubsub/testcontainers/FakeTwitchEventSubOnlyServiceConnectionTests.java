package io.github.twitchjvm.pubsub.testcontainers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.annotation.TwitchEvent;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.pubsub.PubSubClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @ServiceConnection(type = EventSubConnectionDetails.class)}: an EventSub-only
 * application gets its EventSub client from the container and no PubSub client at all.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@DirtiesContext
class FakeTwitchEventSubOnlyServiceConnectionTests {

	@Container
	@ServiceConnection(type = EventSubConnectionDetails.class)
	static final FakeTwitchContainer twitch = FakeTwitchImage.container();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private CheerBot bot;

	@Test
	void onlyTheEventSubClientExistsAndItsHandlerReceivesACheer() {
		assertThat(this.context.getBeanNamesForType(PubSubClient.class)).isEmpty();
		assertThat(this.context.getBean(EventSubClient.class).isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> twitch.eventSub()
				.subscriptions()
				.stream()
				.anyMatch((subscription) -> subscription.isEnabled()));
		twitch.eventSub()
			.publishSample("channel.cheer", Map.of("broadcaster_user_id", FakeTwitchContainer.BROADCASTER_ID));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.bot.cheers).hasSize(1));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(CheerBot.class)
	static class CheerBotApplication {

	}

	static class CheerBot {

		final List<ChannelCheerEvent> cheers = new CopyOnWriteArrayList<>();

		@TwitchEvent("channel.cheer")
		void onCheer(ChannelCheerEvent cheer) {
			this.cheers.add(cheer);
		}

	}

}
