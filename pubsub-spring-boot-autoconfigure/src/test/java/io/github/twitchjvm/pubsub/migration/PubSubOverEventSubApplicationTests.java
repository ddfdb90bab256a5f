package io.github.twitchjvm.pubsub.migration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.bridge.EventSubRide;
import io.github.twitchjvm.bridge.TopicRoute;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code @TwitchTopic} application with a listener of every family, moved to EventSub
 * by one property ({@code twitch.pubsub.transport=eventsub}): each listener receives the
 * EventSub events of the types that replaced its family as its family's PubSub payload,
 * and the startup log says what each topic rides on.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "twitch.pubsub.transport=eventsub",
		"twitch.pubsub.user-id=" + PubSubOverEventSubApplicationTests.BROADCASTER })
class PubSubOverEventSubApplicationTests {

	static final String BROADCASTER = "44322889";

	static final FakeTwitchServer server = FakeTwitchServer.start();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		server.accounts().registerUser(BROADCASTER, "broadcaster");
		String token = server.accounts().issueToken(BROADCASTER, FakeEventSub.ALL_SCOPES).accessToken();
		// The PubSub application's own token property: EventSub takes it as it is.
		registry.add("twitch.pubsub.access-token", () -> token);
		registry.add("twitch.eventsub.url", server::eventSubUri);
		registry.add("twitch.eventsub.helix-url", server::helixUri);
		registry.add("twitch.eventsub.client-id", () -> TwitchAccounts.DEFAULT_CLIENT_ID);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Autowired
	EventSubClient client;

	@Autowired
	ObjectProvider<PubSubClient> pubSubClient;

	@Autowired
	TwitchTopicListenerRegistry registry;

	@Autowired
	Handlers handlers;

	@Test
	void everyFamilyReachesItsUnchangedListenerAsItsPubSubPayload(CapturedOutput output) {
		assertThat(this.pubSubClient.getIfAvailable()).as("no PubSub client is built").isNull();
		await().until(() -> this.client.isConnected());
		for (var listener : this.registry.getListeners()) {
			for (Topic topic : listener.topics()) {
				for (EventSubRide ride : TopicRoute.of(topic).rides()) {
					if (ride.type().equals("channel.chat.notification")) {
						// Only a badge notice is the bits-badge family's.
						server.eventSub().publish(ride.type(), ride.condition(), badgeNotice());
					}
					else {
						server.eventSub().publishSample(ride.type(), ride.condition());
					}
				}
			}
		}
		Map<String, Class<?>> expected = Map.of("whispers", WhisperEvent.Received.class, "bits", BitsEvent.Cheer.class,
				"badge", BitsBadgeUnlock.class, "points", ChannelPointsEvent.class, "subscriptions",
				SubscriptionEvent.class, "moderation", ChatModeratorActionEvent.class, "automod",
				AutomodQueueEvent.CaughtMessage.class, "ownMessages", UserModerationEvent.class, "lowTrust",
				LowTrustUserEvent.class);
		expected.forEach((name, type) -> org.awaitility.Awaitility.await(name)
			.until(() -> this.handlers.calls.stream()
				.anyMatch((call) -> call.name().equals(name) && type.isInstance(call.payload()))));
		assertThat(output.getAll()).contains("Over EventSub, @TwitchTopic handlers#whispers: whispers." + BROADCASTER
				+ " rides on user.whisper.message@1{user_id=" + BROADCASTER + "}");
	}

	@Test
	void theActuatorSectionNamesTheTopicListenersOfEachSubscription() {
		await().until(() -> this.client.isConnected());
		var section = new io.github.twitchjvm.eventsub.actuate.EventSubSection(this.client, null, null, this.registry)
			.describe();
		assertThat(section.subscriptions()).filteredOn((subscription) -> subscription.type().equals("channel.cheer"))
			.isNotEmpty()
			.allSatisfy((subscription) -> assertThat(subscription.handlers()).contains(
					"@TwitchTopic handlers#bits (" + Handlers.class.getName() + ".bits)",
					"@TwitchTopic handlers#raw (" + Handlers.class.getName() + ".raw)"));
	}

	@Test
	void theRawMessageIsThePubSubMessageTheFamilyWouldHaveCarried() {
		await().until(() -> this.client.isConnected());
		server.eventSub().publishSample("channel.cheer", Map.of("broadcaster_user_id", BROADCASTER));
		await().until(() -> this.handlers.calls.stream().anyMatch((call) -> call.name().equals("raw")));
		PubSubMessage message = (PubSubMessage) this.handlers.calls.stream()
			.filter((call) -> call.name().equals("raw"))
			.findFirst()
			.orElseThrow()
			.payload();
		assertThat(message.topic()).isEqualTo(Topic.parse("channel-bits-events-v2." + BROADCASTER));
		assertThat(message.json().path("message_type").asString()).isEqualTo("bits_event");
	}

	private static String badgeNotice() {
		ObjectNode notice = (ObjectNode) JsonMapper.builder()
			.build()
			.readTree(FakeEventSub.sampleEvent("channel.chat.notification"));
		notice.put("notice_type", "bits_badge_tier");
		notice.putObject("bits_badge_tier").put("tier", 1000);
		return notice.toString();
	}

	record Call(String name, Object payload) {
	}

	static class Handlers {

		final List<Call> calls = new CopyOnWriteArrayList<>();

		@TwitchTopic("whispers")
		void whispers(WhisperEvent.Received whisper) {
			this.calls.add(new Call("whispers", whisper));
		}

		@TwitchTopic("channel-bits-events-v2")
		void bits(BitsEvent event) {
			this.calls.add(new Call("bits", event));
		}

		@TwitchTopic("channel-bits-events-v2")
		void raw(PubSubMessage message) {
			this.calls.add(new Call("raw", message));
		}

		@TwitchTopic("channel-bits-badge-unlocks")
		void badge(BitsBadgeUnlock unlock) {
			this.calls.add(new Call("badge", unlock));
		}

		@TwitchTopic("channel-points-channel-v1")
		void points(ChannelPointsEvent event) {
			this.calls.add(new Call("points", event));
		}

		@TwitchTopic("channel-subscribe-events-v1")
		void subscriptions(SubscriptionEvent event) {
			this.calls.add(new Call("subscriptions", event));
		}

		@TwitchTopic("chat_moderator_actions")
		void moderation(ChatModeratorActionEvent event) {
			this.calls.add(new Call("moderation", event));
		}

		@TwitchTopic("automod-queue")
		void automod(AutomodQueueEvent event) {
			this.calls.add(new Call("automod", event));
		}

		@TwitchTopic("user-moderation-notifications")
		void ownMessages(UserModerationEvent event) {
			this.calls.add(new Call("ownMessages", event));
		}

		@TwitchTopic("low-trust-users")
		void lowTrust(LowTrustUserEvent event) {
			this.calls.add(new Call("lowTrust", event));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

}
