package io.github.twitchjvm.pubsub.annotation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
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
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
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
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with {@code @TwitchTopic} methods for every documented
 * family, against the fake server: typed payloads, variant filtering, every parameter
 * kind, placeholders and SpEL, repeated annotations, a proxied bean, a lazy bean and an
 * error handler.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "twitch.pubsub.user-id=" + TwitchTopicApplicationTests.BROADCASTER,
		"bot.moderator=" + TwitchTopicApplicationTests.MODERATOR,
		"bot.channels=" + TwitchTopicApplicationTests.BROADCASTER + "," + TwitchTopicApplicationTests.SECOND })
class TwitchTopicApplicationTests {

	static final String BROADCASTER = "44322889";

	static final String SECOND = "55544433";

	static final String MODERATOR = "12826";

	static final FakeTwitchServer server = FakeTwitchServer.start();

	static final Map<String, AccessToken> tokens = new java.util.HashMap<>();

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		for (String user : List.of(BROADCASTER, SECOND, MODERATOR)) {
			server.accounts().registerUser(user, "user" + user);
			tokens.put(user,
					AccessToken.of(server.accounts().issueToken(user, TwitchAccounts.ALL_SCOPES).accessToken()));
		}
		registry.add("twitch.pubsub.url", server::pubSubUri);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Autowired
	PubSubClient client;

	@Autowired
	Handlers handlers;

	@Autowired
	ProxiedHandlers proxied;

	@Autowired
	TwitchTopicListenerRegistry registry;

	@Autowired
	Recorder recorder;

	@Test
	void everyFamilyReachesItsMethod() {
		awaitActive();
		publish(TopicType.WHISPERS, BROADCASTER, "whisper_received");
		publish(TopicType.BITS_V1, BROADCASTER, "bits_event");
		publish(TopicType.BITS_V2, BROADCASTER, "bits_event");
		publish(TopicType.BITS_BADGE_UNLOCKS, BROADCASTER, "badge_unlock");
		publish(TopicType.CHANNEL_POINTS, BROADCASTER, "reward-redeemed");
		publish(TopicType.CHANNEL_SUBSCRIPTIONS, BROADCASTER, "resub");
		publish(TopicType.CHAT_MODERATOR_ACTIONS, MODERATOR + "." + BROADCASTER, "vip_added");
		publish(TopicType.AUTOMOD_QUEUE, MODERATOR + "." + BROADCASTER, "caught_pending");
		publish(TopicType.USER_MODERATION_NOTIFICATIONS, BROADCASTER + "." + BROADCASTER, "automod_caught_message");
		publish(TopicType.LOW_TRUST_USERS, MODERATOR + "." + BROADCASTER, "new_message");

		Map<String, Class<?>> expected = Map.of("whisper", WhisperEvent.Received.class, "bitsV1", BitsEvent.Cheer.class,
				"bits", BitsEvent.Cheer.class, "badge", BitsBadgeUnlock.class, "redemption",
				ChannelPointsEvent.RewardRedeemed.class, "sub", SubscriptionEvent.Resub.class, "modAction",
				ChatModeratorActionEvent.VipAdded.class, "automod", AutomodQueueEvent.CaughtMessage.class,
				"userModeration", UserModerationEvent.AutomodCaughtMessage.class, "lowTrust",
				LowTrustUserEvent.NewMessage.class);
		expected.forEach((name, type) -> await(name).until(() -> this.recorder.calls.stream()
			.anyMatch((call) -> call.getKey().equals(name) && type.isInstance(call.getValue()[0]))));
	}

	@Test
	void aVariantParameterReceivesOnlyThatVariant() {
		awaitActive();
		int resubs = this.recorder.count("onlyResubs");
		long errors = this.client.snapshot().counters().handlerErrors();
		publish(TopicType.CHANNEL_SUBSCRIPTIONS, BROADCASTER, "sub");
		publish(TopicType.CHANNEL_SUBSCRIPTIONS, BROADCASTER, "resub");
		publish(TopicType.CHANNEL_SUBSCRIPTIONS, BROADCASTER, "subgift");
		publish(TopicType.CHANNEL_SUBSCRIPTIONS, BROADCASTER, "resub");
		// A subscription's messages arrive in order: once the second resub is counted,
		// the others were seen.
		await().until(() -> this.recorder.count("onlyResubs") == resubs + 2);
		assertThat(this.client.snapshot().counters().handlerErrors()).as("the other variants were skipped, not failed")
			.isEqualTo(errors);
	}

	@Test
	void resolvesEveryParameterKindInAnyOrder() {
		awaitActive();
		publish(TopicType.WHISPERS, BROADCASTER, "thread");
		await().until(() -> this.recorder.count("raw") >= 1);
		Object[] arguments = this.recorder.arguments("raw");
		assertThat(arguments[0]).isInstanceOf(UUID.class);
		assertThat(arguments[1]).isEqualTo(Topic.parse("whispers." + BROADCASTER));
		assertThat(arguments[2]).asString().contains("\"type\":\"thread\"");
		assertThat(arguments[3]).isInstanceOfSatisfying(JsonNode.class,
				(json) -> assertThat(json.get("type").asString()).isEqualTo("thread"));
		assertThat(arguments[4]).isInstanceOf(PubSubMessage.class);
	}

	@Test
	void placeholdersAndExpressionsGiveSeveralChannels() {
		awaitActive();
		assertThat(this.registry.getListeners()).filteredOn((listener) -> listener.id().equals("points-everywhere"))
			.singleElement()
			.satisfies((listener) -> assertThat(listener.topics()).extracting(Topic::value)
				.containsExactly("channel-points-channel-v1." + BROADCASTER, "channel-points-channel-v1." + SECOND,
						"channel-bits-events-v2." + BROADCASTER));
		publish(TopicType.CHANNEL_POINTS, SECOND, "reward-redeemed");
		await().until(() -> this.recorder.count("points-everywhere") >= 1);
	}

	@Test
	void aProxiedBeansMethodRunsThroughItsProxy() {
		awaitActive();
		publish(TopicType.BITS_V2, BROADCASTER, "bits_event_anonymous");
		await().until(() -> this.recorder.count("transactional") >= 1);
		assertThat(this.recorder.arguments("transactional")[0]).isEqualTo(true);
	}

	@Test
	void aLazyBeanRegistersWhenCreated() {
		awaitActive();
		assertThat(this.registry.getListeners()).noneMatch((listener) -> listener.beanName().equals("lazyHandlers"));
		this.handlers.lazy.touch();
		assertThat(this.registry.getListeners()).anyMatch((listener) -> listener.beanName().equals("lazyHandlers"));
		await().until(() -> this.client.snapshot()
			.topics()
			.stream()
			.anyMatch((topic) -> topic.topic().value().equals("channel-bits-badge-unlocks." + SECOND)
					&& topic.state() == TopicState.ACTIVE));
	}

	@Test
	void aMethodThatThrowsIsLoggedByItsIdAndCountedAndDeliveryGoesOn(CapturedOutput output) {
		awaitActive();
		long errors = this.client.snapshot().counters().handlerErrors();
		publish(TopicType.BITS_BADGE_UNLOCKS, BROADCASTER, "badge_unlock");
		publish(TopicType.BITS_BADGE_UNLOCKS, BROADCASTER, "badge_unlock");
		await().until(() -> this.client.snapshot().counters().handlerErrors() >= errors + 2);
		assertThat(output.getAll())
			.contains("@TwitchTopic listener handlers#throwing failed on channel-bits-badge-unlocks." + BROADCASTER);
		assertThat(output.getAll()).as("no token in any log line")
			.doesNotContain(tokens.values().stream().map(AccessToken::value).toArray(String[]::new));
	}

	@Test
	void anErrorHandlerSeesWhatAMethodThrew() {
		awaitActive();
		publish(TopicType.WHISPERS, BROADCASTER, "whisper_sent");
		await().until(() -> this.recorder.count("errorHandler") >= 1);
		Object[] arguments = this.recorder.arguments("errorHandler");
		assertThat(arguments[0]).isInstanceOf(IllegalStateException.class);
		assertThat(arguments[1]).isEqualTo("failing");
	}

	private void awaitActive() {
		await().until(() -> !this.client.snapshot().topics().isEmpty()
				&& this.client.snapshot().topics().stream().allMatch((topic) -> topic.state() == TopicState.ACTIVE));
	}

	private static void publish(TopicType type, String ids, String sample) {
		server.publish(type.prefix() + "." + ids, SampleMessages.get(type, sample));
	}

	/** What the handlers were called with. */
	static final class Recorder {

		final List<Map.Entry<String, Object[]>> calls = new CopyOnWriteArrayList<>();

		void record(String name, Object... arguments) {
			this.calls.add(Map.entry(name, arguments));
		}

		int count(String name) {
			return (int) this.calls.stream().filter((call) -> call.getKey().equals(name)).count();
		}

		Object[] arguments(String name) {
			return this.calls.stream()
				.filter((call) -> call.getKey().equals(name))
				.findFirst()
				.orElseThrow()
				.getValue();
		}

	}

	static class Handlers {

		final Recorder recorder;

		final LazyHandlers lazy;

		Handlers(Recorder recorder, LazyHandlers lazy) {
			this.recorder = recorder;
			this.lazy = lazy;
		}

		@TwitchTopic("whispers")
		void whisper(WhisperEvent whisper) {
			if (whisper instanceof WhisperEvent.Received) {
				this.recorder.record("whisper", whisper);
			}
		}

		@TwitchTopic(value = "channel-bits-events-v1", channelId = "${twitch.pubsub.user-id}")
		void bitsV1(BitsEvent event) {
			this.recorder.record("bitsV1", event);
		}

		@TwitchTopic("BITS_V2")
		void bits(BitsEvent.Cheer cheer) {
			if (!cheer.isAnonymous()) {
				this.recorder.record("bits", cheer);
			}
		}

		@TwitchTopic("channel-bits-badge-unlocks")
		void badge(BitsBadgeUnlock unlock) {
			this.recorder.record("badge", unlock);
		}

		@TwitchTopic("channel-bits-badge-unlocks")
		void throwing(BitsBadgeUnlock unlock) {
			throw new IllegalStateException("this handler always fails");
		}

		@TwitchTopic("channel-points-channel-v1")
		void redemption(ChannelPointsEvent.RewardRedeemed redemption) {
			this.recorder.record("redemption", redemption);
		}

		@TwitchTopic("channel-subscribe-events-v1")
		void sub(SubscriptionEvent event) {
			this.recorder.record("sub", event);
			this.recorder.record("allSubs");
		}

		@TwitchTopic("channel-subscribe-events-v1")
		void onlyResubs(SubscriptionEvent.Resub resub) {
			this.recorder.record("onlyResubs");
		}

		@TwitchTopic(value = "chat_moderator_actions", userId = "${bot.moderator}")
		void modAction(ChatModeratorActionEvent action) {
			this.recorder.record("modAction", action);
		}

		@TwitchTopic(value = "automod-queue", moderatorId = "#{'${bot.moderator}'}", channelId = "44322889")
		void automod(AutomodQueueEvent event) {
			this.recorder.record("automod", event);
		}

		@TwitchTopic("user-moderation-notifications")
		void userModeration(UserModerationEvent event) {
			this.recorder.record("userModeration", event);
		}

		@TwitchTopic(value = "low-trust-users", moderatorId = "${bot.moderator}")
		void lowTrust(LowTrustUserEvent event) {
			this.recorder.record("lowTrust", event);
		}

		@TwitchTopic("whispers")
		void raw(UUID subscription, Topic topic, String text, JsonNode json, PubSubMessage message) {
			if (text.contains("\"thread\"")) {
				this.recorder.record("raw", subscription, topic, text, json, message);
			}
		}

		@TwitchTopic(id = "points-everywhere", value = "channel-points-channel-v1",
				channelId = "#{'${bot.channels}'.split(',')}")
		@TwitchTopic("channel-bits-events-v2")
		void pointsEverywhere(Topic topic, PubSubMessage message) {
			if (topic.value().endsWith(SECOND)) {
				this.recorder.record("points-everywhere", topic);
			}
		}

		@TwitchTopic(value = "whispers", errorHandler = "recordingErrorHandler", id = "failing")
		void failing(WhisperEvent.Sent sent) {
			throw new IllegalStateException("cannot answer " + sent.whisper().id());
		}

	}

	static class ProxiedHandlers {

		private final Recorder recorder;

		ProxiedHandlers(Recorder recorder) {
			this.recorder = recorder;
		}

		@Transactional
		@TwitchTopic("channel-bits-events-v2")
		public void transactional(BitsEvent.Cheer cheer) {
			if (cheer.isAnonymous()) {
				this.recorder.record("transactional", TransactionSynchronizationManager.isActualTransactionActive());
			}
		}

	}

	static class LazyHandlers {

		@TwitchTopic(value = "channel-bits-badge-unlocks", channelId = SECOND)
		void badge(BitsBadgeUnlock unlock) {
		}

		void touch() {
		}

	}

	/**
	 * Only marks transactions as active: the proxy around the handler is what is being
	 * tested.
	 */
	static final class MarkingTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableTransactionManagement(proxyTargetClass = true)
	static class Application {

		@Bean
		TwitchTokenProvider tokenProvider() {
			return StaticTokenProvider.forUsers(tokens);
		}

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		Handlers handlers(Recorder recorder, @Lazy LazyHandlers lazy) {
			return new Handlers(recorder, lazy);
		}

		@Bean
		@Lazy
		LazyHandlers lazyHandlers() {
			return new LazyHandlers();
		}

		@Bean
		ProxiedHandlers proxiedHandlers(Recorder recorder) {
			return new ProxiedHandlers(recorder);
		}

		@Bean
		MarkingTransactionManager transactionManager() {
			return new MarkingTransactionManager();
		}

		@Bean
		TwitchTopicErrorHandler recordingErrorHandler(Recorder recorder) {
			return (exception, message, listenerId) -> recorder.record("errorHandler", exception, listenerId);
		}

	}

}
