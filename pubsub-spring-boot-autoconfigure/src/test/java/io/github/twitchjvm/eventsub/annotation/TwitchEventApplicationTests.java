package io.github.twitchjvm.eventsub.annotation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubNotification;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubSubscriptionEvent;
import io.github.twitchjvm.eventsub.event.AutomaticRewardRedemptionAddEvent;
import io.github.twitchjvm.eventsub.event.AutomodMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.AutomodMessageUpdateEvent;
import io.github.twitchjvm.eventsub.event.ChannelBitsUseEvent;
import io.github.twitchjvm.eventsub.event.ChannelChatNotificationEvent;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.eventsub.event.ChannelModerateEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscribeEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscriptionGiftEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscriptionMessageEvent;
import io.github.twitchjvm.eventsub.event.ChatUserMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.ChatUserMessageUpdateEvent;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionAddEvent;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionUpdateEvent;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.eventsub.event.SuspiciousUserMessageEvent;
import io.github.twitchjvm.eventsub.event.SuspiciousUserUpdateEvent;
import io.github.twitchjvm.eventsub.event.WhisperReceivedEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with {@code @TwitchEvent} methods for every typed EventSub
 * type, against the fake EventSub server: typed events, a method of several types, event
 * filtering, every parameter kind, placeholders and SpEL, a raw type, an error handler,
 * and a revocation reaching an application event.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "twitch.eventsub.user-id=" + TwitchEventApplicationTests.BROADCASTER,
		"bot.channels=" + TwitchEventApplicationTests.BROADCASTER + "," + TwitchEventApplicationTests.SECOND })
class TwitchEventApplicationTests {

	static final String BROADCASTER = "44322889";

	static final String SECOND = "55544433";

	static final FakeTwitchServer server = FakeTwitchServer.start();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		server.accounts().registerUser(BROADCASTER, "broadcaster");
		server.accounts().registerUser(SECOND, "second");
		String token = server.accounts().issueToken(BROADCASTER, FakeEventSub.ALL_SCOPES).accessToken();
		String second = server.accounts().issueToken(SECOND, FakeEventSub.ALL_SCOPES).accessToken();
		registry.add("twitch.eventsub.url", server::eventSubUri);
		registry.add("twitch.eventsub.helix-url", server::helixUri);
		registry.add("twitch.eventsub.client-id", () -> TwitchAccounts.DEFAULT_CLIENT_ID);
		registry.add("bot.tokens", () -> BROADCASTER + "=" + token + "," + SECOND + "=" + second);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Autowired
	EventSubClient client;

	@Autowired
	TwitchEventListenerRegistry registry;

	@Autowired
	Recorder recorder;

	@Test
	void everyTypedTypeReachesItsMethodAsItsRecord() {
		awaitEnabled();
		for (EventSubType type : EventSubTypes.all()) {
			server.eventSub().publishSample(type.name(), conditionOf(type, BROADCASTER));
		}
		for (EventSubType type : EventSubTypes.all()) {
			org.awaitility.Awaitility.await(type.key())
				.until(() -> this.recorder.calls.stream()
					.anyMatch((call) -> call.name().equals(type.name())
							&& type.eventClass().isInstance(call.values()[0])));
		}
	}

	@Test
	void anEventParameterOfOneTypeReceivesOnlyThatTypesEvents() {
		awaitEnabled();
		int any = this.recorder.count("anySubscription");
		int onlyNew = this.recorder.count("onlyNewSubscribers");
		server.eventSub().publishSample("channel.subscription.message", conditionOf(BROADCASTER));
		server.eventSub().publishSample("channel.subscribe", conditionOf(BROADCASTER));
		server.eventSub().publishSample("channel.subscription.message", conditionOf(BROADCASTER));
		await().until(() -> this.recorder.count("anySubscription") == any + 3);
		// Each subscription's notifications arrive in order: once the last resub reached
		// the method of both types, the filtering method saw what it will see.
		await().until(() -> this.recorder.count("onlyNewSubscribers") == onlyNew + 1);
		assertThat(this.recorder.calls).filteredOn((call) -> call.name().equals("onlyNewSubscribers"))
			.allSatisfy((call) -> assertThat(call.values()[0]).isInstanceOf(ChannelSubscribeEvent.class));
	}

	@Test
	void resolvesEveryParameterKindInAnyOrder() {
		awaitEnabled();
		server.eventSub().publishSample("channel.cheer", conditionOf(BROADCASTER));
		await().until(() -> this.recorder.count("raw") >= 1);
		Object[] values = this.recorder.arguments("raw");
		assertThat(values[0]).isInstanceOfSatisfying(EventSubSubscription.class,
				(subscription) -> assertThat(subscription.type()).isEqualTo("channel.cheer"));
		assertThat(values[1]).asString().contains("\"bits\"");
		assertThat(values[2]).isInstanceOfSatisfying(JsonNode.class,
				(json) -> assertThat(json.get("broadcaster_user_id").asString()).isEqualTo(BROADCASTER));
		assertThat(values[3]).isInstanceOfSatisfying(EventSubNotification.class,
				(notification) -> assertThat(notification.condition()).containsEntry("broadcaster_user_id",
						BROADCASTER));
	}

	@Test
	void placeholdersAndExpressionsGiveSeveralChannels() {
		awaitEnabled();
		assertThat(this.registry.getListeners()).filteredOn((listener) -> listener.id().equals("cheers-everywhere"))
			.singleElement()
			.satisfies((listener) -> assertThat(listener.subscriptions()).extracting(EventSubscriptionKey::condition)
				.containsExactly(Map.of("broadcaster_user_id", BROADCASTER), Map.of("broadcaster_user_id", SECOND)));
		server.eventSub().publishSample("channel.cheer", conditionOf(SECOND));
		await().until(() -> this.recorder.count("cheers-everywhere") >= 1);
	}

	@Test
	void theActuatorSectionNamesTheMethodsOfEachSubscription() {
		awaitEnabled();
		var section = new io.github.twitchjvm.eventsub.actuate.EventSubSection(this.client, null, this.registry)
			.describe();
		assertThat(section.subscriptions())
			.filteredOn((subscription) -> subscription.type().equals("channel.cheer")
					&& subscription.condition().equals(Map.of("broadcaster_user_id", SECOND)))
			.singleElement()
			.satisfies((subscription) -> assertThat(subscription.handlers()).singleElement()
				.asString()
				.startsWith("cheers-everywhere (" + Handlers.class.getName() + ".everywhere)"));
	}

	@Test
	void aTypeWithoutATypedModelArrivesRaw() {
		awaitEnabled();
		server.eventSub()
			.publish("stream.online", Map.of("broadcaster_user_id", BROADCASTER),
					"{\"id\":\"9001\",\"broadcaster_user_id\":\"" + BROADCASTER + "\",\"type\":\"live\"}");
		await().until(() -> this.recorder.count("online") >= 1);
		assertThat(this.recorder.arguments("online")[0]).isInstanceOfSatisfying(JsonNode.class,
				(json) -> assertThat(json.get("type").asString()).isEqualTo("live"));
	}

	@Test
	void aMethodThatThrowsGoesToItsErrorHandlerAndDeliveryGoesOn(CapturedOutput output) {
		awaitEnabled();
		server.eventSub().publishSample("channel.bits.use", conditionOf(BROADCASTER));
		server.eventSub().publishSample("channel.bits.use", conditionOf(BROADCASTER));
		await().until(() -> this.recorder.count("handled-error") >= 2);
		assertThat(this.recorder.arguments("handled-error")[0]).isEqualTo("bits-throwing");
	}

	@Test
	void aRevocationReachesAnApplicationEvent() {
		awaitEnabled();
		EventSubSubscription revoked = this.client.snapshot()
			.subscriptions()
			.stream()
			.filter((subscription) -> subscription.type().equals("channel.suspicious_user.update"))
			.findFirst()
			.orElseThrow();
		server.eventSub().revoke(revoked.twitchId(), "authorization_revoked");
		await().until(() -> this.recorder.events.stream()
			.anyMatch((event) -> event.getState() == SubscriptionState.REVOKED
					&& event.getSubscription().type().equals("channel.suspicious_user.update")
					&& "authorization_revoked".equals(event.getReason())));
	}

	private void awaitEnabled() {
		await().until(() -> this.client.isConnected());
	}

	private static Map<String, String> conditionOf(String broadcaster) {
		return Map.of("broadcaster_user_id", broadcaster);
	}

	/** The condition the application's handlers subscribed with: every user the bot's. */
	private static Map<String, String> conditionOf(EventSubType type, String user) {
		Map<String, String> condition = new java.util.HashMap<>();
		type.conditionKeys().forEach((key) -> condition.put(key, user));
		return condition;
	}

	record Call(String name, Object[] values) {
	}

	static class Recorder {

		final List<Call> calls = new CopyOnWriteArrayList<>();

		final List<EventSubSubscriptionEvent> events = new CopyOnWriteArrayList<>();

		void record(String name, Object... values) {
			this.calls.add(new Call(name, values));
		}

		int count(String name) {
			return (int) this.calls.stream().filter((call) -> call.name().equals(name)).count();
		}

		Object[] arguments(String name) {
			return this.calls.stream()
				.filter((call) -> call.name().equals(name))
				.reduce((first, second) -> second)
				.orElseThrow()
				.values();
		}

		@EventListener
		void on(EventSubSubscriptionEvent event) {
			this.events.add(event);
		}

	}

	static class Handlers {

		private final Recorder recorder;

		Handlers(Recorder recorder) {
			this.recorder = recorder;
		}

		@TwitchEvent("user.whisper.message")
		void whisper(WhisperReceivedEvent event) {
			this.recorder.record("user.whisper.message", event);
		}

		@TwitchEvent("channel.cheer")
		void cheer(ChannelCheerEvent event) {
			this.recorder.record("channel.cheer", event);
		}

		@TwitchEvent(value = "channel.bits.use", id = "bits-throwing", errorHandler = "recordingErrorHandler")
		void bitsUse(ChannelBitsUseEvent event) {
			this.recorder.record("channel.bits.use", event);
			throw new IllegalStateException("a failing handler");
		}

		@TwitchEvent("channel.chat.notification")
		void chatNotification(ChannelChatNotificationEvent event) {
			this.recorder.record("channel.chat.notification", event);
		}

		@TwitchEvent("channel.channel_points_custom_reward_redemption.add")
		void redemption(CustomRewardRedemptionAddEvent event) {
			this.recorder.record("channel.channel_points_custom_reward_redemption.add", event);
		}

		@TwitchEvent("channel.channel_points_custom_reward_redemption.update")
		void redemptionUpdate(CustomRewardRedemptionUpdateEvent event) {
			this.recorder.record("channel.channel_points_custom_reward_redemption.update", event);
		}

		@TwitchEvent("channel.channel_points_automatic_reward_redemption.add")
		void automaticRedemption(AutomaticRewardRedemptionAddEvent event) {
			this.recorder.record("channel.channel_points_automatic_reward_redemption.add", event);
		}

		@TwitchEvent("channel.subscribe")
		void subscribe(ChannelSubscribeEvent event) {
			this.recorder.record("channel.subscribe", event);
		}

		@TwitchEvent("channel.subscription.message")
		void subscriptionMessage(ChannelSubscriptionMessageEvent event) {
			this.recorder.record("channel.subscription.message", event);
		}

		@TwitchEvent("channel.subscription.gift")
		void gift(ChannelSubscriptionGiftEvent event) {
			this.recorder.record("channel.subscription.gift", event);
		}

		@TwitchEvent("channel.moderate")
		void moderate(ChannelModerateEvent event) {
			this.recorder.record("channel.moderate", event);
		}

		@TwitchEvent("automod.message.hold")
		void automodHold(AutomodMessageHoldEvent event) {
			this.recorder.record("automod.message.hold", event);
		}

		@TwitchEvent("automod.message.update")
		void automodUpdate(AutomodMessageUpdateEvent event) {
			this.recorder.record("automod.message.update", event);
		}

		@TwitchEvent("channel.chat.user_message_hold")
		void userMessageHold(ChatUserMessageHoldEvent event) {
			this.recorder.record("channel.chat.user_message_hold", event);
		}

		@TwitchEvent("channel.chat.user_message_update")
		void userMessageUpdate(ChatUserMessageUpdateEvent event) {
			this.recorder.record("channel.chat.user_message_update", event);
		}

		@TwitchEvent("channel.suspicious_user.message")
		void suspiciousMessage(SuspiciousUserMessageEvent event) {
			this.recorder.record("channel.suspicious_user.message", event);
		}

		@TwitchEvent("channel.suspicious_user.update")
		void suspiciousUpdate(SuspiciousUserUpdateEvent event) {
			this.recorder.record("channel.suspicious_user.update", event);
		}

		@TwitchEvent("channel.subscribe")
		@TwitchEvent("channel.subscription.message")
		void anySubscription(EventSubEvent event) {
			this.recorder.record("anySubscription", event);
		}

		@TwitchEvent("channel.subscribe")
		@TwitchEvent("channel.subscription.message")
		void onlyNewSubscribers(ChannelSubscribeEvent event) {
			this.recorder.record("onlyNewSubscribers", event);
		}

		@TwitchEvent("channel.cheer")
		void raw(EventSubSubscription subscription, String text, JsonNode json, EventSubNotification notification) {
			this.recorder.record("raw", subscription, text, json, notification);
		}

		@TwitchEvent(value = "channel.cheer", broadcasterUserId = "#{'${bot.channels}'.split(',')}",
				id = "cheers-everywhere")
		void everywhere(ChannelCheerEvent event) {
			this.recorder.record("cheers-everywhere", event);
		}

		@TwitchEvent(value = "stream.online", version = "1")
		void online(JsonNode event) {
			this.recorder.record("online", event);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		Handlers handlers(Recorder recorder) {
			return new Handlers(recorder);
		}

		@Bean
		TwitchEventErrorHandler recordingErrorHandler(Recorder recorder) {
			return (exception, notification, listenerId) -> recorder.record("handled-error", listenerId);
		}

		/** One token per user, from "user=token,user=token". */
		@Bean
		io.github.twitchjvm.core.auth.TwitchTokenProvider tokens(
				@org.springframework.beans.factory.annotation.Value("${bot.tokens}") String tokens) {
			Map<String, io.github.twitchjvm.core.auth.AccessToken> byUser = new java.util.HashMap<>();
			for (String pair : tokens.split(",")) {
				String[] parts = pair.split("=");
				byUser.put(parts[0], io.github.twitchjvm.core.auth.AccessToken.of(parts[1]));
			}
			return io.github.twitchjvm.core.auth.StaticTokenProvider.forUsers(byUser);
		}

	}

}
