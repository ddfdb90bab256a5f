package io.github.twitchjvm.pubsub.it;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
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
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.twitchjvm.pubsub.it.TwitchSetup.BROADCASTER;
import static io.github.twitchjvm.pubsub.it.TwitchSetup.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every listen method of the reference client, end to end against the fake server. */
class ListenTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(
			FakeServerSettings.builder().allowUndocumentedTopics(true).build());

	private static final String TIME = "2023-01-01T00:00:00Z";

	private TwitchSetup setup;

	private PubSubClient client;

	@BeforeEach
	void setUp() {
		this.setup = new TwitchSetup(twitch.server());
		this.client = this.setup.client().build();
	}

	@AfterEach
	void tearDown() {
		if (this.client.isRunning()) {
			this.client.stop();
		}
	}

	@Test
	void whatACallerChainsOntoAListenFutureNeverRunsOnTheEnginesThread() throws Exception {
		this.client.start();
		String thread = this.client.listenWhispersAsync(BROADCASTER, (id, whisper) -> {
		}).thenApply((id) -> Thread.currentThread().getName()).get(10, java.util.concurrent.TimeUnit.SECONDS);
		// A blocking call chained here must not freeze every socket of the client.
		assertThat(thread).doesNotStartWith("pubsub-engine");
	}

	@Test
	void listensToEveryDocumentedFamilyAndDeliversTypedPayloads() {
		this.client.start();
		Received<WhisperEvent> whispers = new Received<>();
		Received<BitsEvent> bitsV1 = new Received<>();
		Received<BitsEvent> bits = new Received<>();
		Received<BitsBadgeUnlock> badges = new Received<>();
		Received<ChannelPointsEvent> points = new Received<>();
		Received<SubscriptionEvent> subs = new Received<>();
		Received<ChatModeratorActionEvent> actions = new Received<>();
		Received<AutomodQueueEvent> automod = new Received<>();
		Received<UserModerationEvent> userModeration = new Received<>();
		Received<LowTrustUserEvent> lowTrust = new Received<>();

		UUID whisperId = this.client.listenWhispers(BROADCASTER, whispers);
		this.client.listenBitsV1(BROADCASTER, bitsV1);
		this.client.listenBits(BROADCASTER, bits);
		this.client.listenBitsBadgeNotification(BROADCASTER, badges);
		this.client.listenChannelPoints(BROADCASTER, points);
		this.client.listenChannelSubscriptions(BROADCASTER, subs);
		this.client.listenChatModeratorActions(MODERATOR, BROADCASTER, actions);
		this.client.listenAutomodQueue(MODERATOR, BROADCASTER, automod);
		this.client.listenUserModerationNotifications(MODERATOR, BROADCASTER, userModeration);
		this.client.listenLowTrustUsers(MODERATOR, BROADCASTER, lowTrust);
		assertThat(this.client.snapshot().topics()).hasSize(10)
			.allSatisfy((topic) -> assertThat(topic.state()).isEqualTo(TopicState.ACTIVE));

		publish("whispers." + BROADCASTER,
				"{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\",\\\"last_read\\\":7}\"}");
		String cheer = "{\"data\":{\"channel_name\":\"dallas\",\"channel_id\":\"" + BROADCASTER + "\",\"time\":\""
				+ TIME + "\",\"chat_message\":\"Cheer5\",\"bits_used\":5,\"total_bits_used\":9,\"context\":\"cheer\"},"
				+ "\"version\":\"1.0\",\"message_type\":\"bits_event\",\"message_id\":\"m1\"}";
		publish("channel-bits-events-v1." + BROADCASTER, cheer);
		publish("channel-bits-events-v2." + BROADCASTER, cheer);
		publish("channel-bits-badge-unlocks." + BROADCASTER,
				"{\"user_id\":\"1\",\"user_name\":\"u\",\"channel_id\":\"" + BROADCASTER
						+ "\",\"channel_name\":\"dallas\",\"badge_tier\":1000,\"chat_message\":\"\",\"time\":\"" + TIME
						+ "\"}");
		publish("channel-points-channel-v1." + BROADCASTER,
				"{\"type\":\"update-redemption-statuses-finished\",\"data\":{" + "\"timestamp\":\"" + TIME
						+ "\",\"progress\":{\"id\":\"p\",\"channel_id\":\"" + BROADCASTER
						+ "\",\"method\":\"BY_REWARD\",\"new_status\":\"FULFILLED\",\"processed\":3,\"total\":3}}}");
		publish("channel-subscribe-events-v1." + BROADCASTER,
				"{\"user_name\":\"u\",\"display_name\":\"U\",\"channel_name\":"
						+ "\"dallas\",\"user_id\":\"1\",\"channel_id\":\"" + BROADCASTER + "\",\"time\":\"" + TIME
						+ "\",\"sub_plan\":\"1000\",\"sub_plan_name\":\"T1\",\"months\":0,\"context\":\"sub\",\"is_gift\":false}");
		publish("chat_moderator_actions." + MODERATOR + "." + BROADCASTER,
				"{\"type\":\"vip_added\",\"data\":{" + "\"channel_id\":\"" + BROADCASTER
						+ "\",\"target_user_id\":\"2\",\"target_user_login\":\"v\"," + "\"created_by_user_id\":\""
						+ MODERATOR + "\",\"created_by\":\"twitch_mod\"}}");
		publish("automod-queue." + MODERATOR + "." + BROADCASTER, "{\"type\":\"automod_queue_cleared\",\"data\":{}}");
		publish("user-moderation-notifications." + MODERATOR + "." + BROADCASTER,
				"{\"type\":\"automod_caught_message\",\"data\":{\"message_id\":\"m\",\"status\":\"ALLOWED\"}}");
		publish("low-trust-users." + MODERATOR + "." + BROADCASTER, "{\"type\":\"low_trust_user_note\",\"data\":{}}");

		assertThat(whispers.awaitCount(1).get(0)).isInstanceOfSatisfying(WhisperEvent.ThreadUpdate.class,
				(thread) -> assertThat(thread.lastRead()).isEqualTo(7));
		assertThat(whispers.subscriptions).containsExactly(whisperId);
		assertThat(whispers.threads).allSatisfy((thread) -> assertThat(thread).startsWith("pubsub-dispatch-"));
		assertThat(bitsV1.awaitCount(1).get(0)).isInstanceOf(BitsEvent.Cheer.class);
		assertThat(bits.awaitCount(1).get(0)).isInstanceOfSatisfying(BitsEvent.Cheer.class,
				(c) -> assertThat(c.bitsUsed()).isEqualTo(5));
		assertThat(badges.awaitCount(1).get(0).badgeTier()).isEqualTo(1000);
		assertThat(points.awaitCount(1).get(0)).isInstanceOf(ChannelPointsEvent.RedemptionStatusesFinished.class);
		assertThat(subs.awaitCount(1).get(0)).isInstanceOf(SubscriptionEvent.Sub.class);
		assertThat(actions.awaitCount(1).get(0)).isInstanceOf(ChatModeratorActionEvent.VipAdded.class);
		assertThat(automod.awaitCount(1).get(0)).isInstanceOf(AutomodQueueEvent.Unknown.class);
		assertThat(userModeration.awaitCount(1).get(0)).isInstanceOf(UserModerationEvent.AutomodCaughtMessage.class);
		assertThat(lowTrust.awaitCount(1).get(0)).isInstanceOf(LowTrustUserEvent.Unknown.class);
		ClientSnapshot.Counters counters = this.client.snapshot().counters();
		assertThat(counters.messagesReceived()).isEqualTo(10);
		assertThat(counters.messagesDelivered()).isEqualTo(10);
	}

	@Test
	void listensToAnUndocumentedTopicWithRawMessages() {
		this.client.start();
		Received<PubSubMessage> raw = new Received<>();
		this.client.listenUndocumentedTopic("video-playback-by-id." + BROADCASTER, raw);
		publish("video-playback-by-id." + BROADCASTER, "{\"type\":\"viewcount\",\"viewers\":42}");
		PubSubMessage message = raw.awaitCount(1).get(0);
		assertThat(message.topic().value()).isEqualTo("video-playback-by-id." + BROADCASTER);
		assertThat(message.json().get("viewers").asInt()).isEqualTo(42);
	}

	@Test
	void listeningBeforeStartReturnsAtOnceAndListensOnStart() throws Exception {
		Received<WhisperEvent> whispers = new Received<>();
		UUID id = this.client.listenWhispers(BROADCASTER, whispers);
		assertThat(id).isNotNull();
		assertThat(twitch.server().connections()).isEmpty();
		assertThat(this.client.snapshot().topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.state()).isEqualTo(TopicState.PENDING));
		this.client.start();
		await().until(() -> this.client.snapshot().topics().get(0).state() == TopicState.ACTIVE);
		assertThat(this.client.isConnected()).isTrue();
		publish("whispers." + BROADCASTER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}");
		assertThat(whispers.awaitCount(1)).hasSize(1);
	}

	@Test
	void asyncListenCompletesOnConfirmation() throws Exception {
		this.client.start();
		CompletableFuture<UUID> confirmed = this.client.listenBitsAsync(BROADCASTER, new Received<>());
		assertThat(confirmed.get()).isNotNull();
		assertThat(TwitchSetup.topicsOf(twitch.server())).containsExactly("channel-bits-events-v2." + BROADCASTER);
	}

	@Test
	void subscriptionsOfOneTopicShareOneListenAndUnlistenWhenTheLastLeaves() {
		this.client.start();
		Received<WhisperEvent> first = new Received<>();
		Received<WhisperEvent> second = new Received<>();
		UUID firstId = this.client.listenWhispers(BROADCASTER, first);
		UUID secondId = this.client.listenWhispers(BROADCASTER, second);
		this.client.listenBits(BROADCASTER, new Received<>());
		assertThat(twitch.server().receivedFrames().stream().filter((frame) -> frame.text().contains("whispers.")))
			.hasSize(1);

		publish("whispers." + BROADCASTER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"a\\\"}\"}");
		first.awaitCount(1);
		second.awaitCount(1);

		assertThat(this.client.unlisten(firstId)).isTrue();
		assertThat(this.client.unlisten(firstId)).as("already gone").isFalse();
		publish("whispers." + BROADCASTER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"b\\\"}\"}");
		second.awaitCount(2);
		assertThat(first.payloads).hasSize(1);

		this.client.unlisten(secondId);
		await().until(
				() -> twitch.server().receivedFrames().stream().anyMatch((frame) -> frame.text().contains("UNLISTEN")));
		await().until(() -> !TwitchSetup.topicsOf(twitch.server()).contains("whispers." + BROADCASTER));
		assertThat(this.client.snapshot().topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.topic().value()).startsWith("channel-bits-events-v2"));
	}

	@Test
	void aSocketLeftWithoutTopicsCloses() {
		this.client.start();
		UUID id = this.client.listenWhispers(BROADCASTER, new Received<>());
		assertThat(twitch.server().connections()).hasSize(1);
		this.client.unlisten(id);
		await().until(() -> twitch.server().connections().isEmpty());
		assertThat(this.client.snapshot().connections()).isEmpty();
		assertThat(this.client.isConnected()).isTrue();
	}

	@Test
	void startAndStopAreGuarded() {
		this.client.start();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(this.client::start)
			.withMessage("The client is already started");
		this.client.stop();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(this.client::stop)
			.withMessage("The client is not running");
	}

	private void publish(String topic, String message) {
		assertThat(twitch.server().publish(topic, message)).as("listeners of " + topic).isEqualTo(1);
	}

	static List<String> frames() {
		return twitch.server().receivedFrames().stream().map((frame) -> frame.text()).toList();
	}

}
