package io.github.twitchjvm.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.helix.HelixException;
import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * PubSub topics of every family on a real {@link EventSubClient} against the fake
 * EventSub server over 127.0.0.1: what Twitch publishes arrives as the family's PubSub
 * message.
 */
class PubSubOverEventSubTest {

	private static final String CHANNEL = "1337";

	private static final String MODERATOR = "424596340";

	private static final String VIEWER = "9001";

	private static final Map<String, String> CHEERS = Map.of("broadcaster_user_id", CHANNEL);

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension();

	private final Map<Topic, List<PubSubMessage>> received = new ConcurrentHashMap<>();

	private FakeEventSub fake;

	private EventSubClient client;

	private PubSubOverEventSub pubsub;

	@BeforeEach
	void start() {
		FakeTwitchServer server = twitch.server();
		this.fake = server.eventSub();
		Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
		for (String user : List.of(CHANNEL, MODERATOR, VIEWER)) {
			server.accounts().registerUser(user, "user" + user);
			tokens.put(user, AccessToken.of(server.accounts().issueToken(user, FakeEventSub.ALL_SCOPES).accessToken()));
		}
		this.client = EventSubClient.builder()
			.uri(server.eventSubUri())
			.helixUri(server.helixUri())
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.tokenProvider(StaticTokenProvider.forUsers(tokens))
			.build();
		this.client.start();
		this.pubsub = new PubSubOverEventSub(this.client);
	}

	@AfterEach
	void stop() {
		this.client.stop();
	}

	private UUID listen(String topic) {
		Topic parsed = Topic.parse(topic);
		this.received.put(parsed, new CopyOnWriteArrayList<>());
		return this.pubsub.listenAsync(parsed, handler()).join();
	}

	private PubSubHandler<PubSubMessage> handler() {
		return (subscription, message) -> this.received.get(message.topic()).add(message);
	}

	private List<PubSubPayload> payloads(String topic) {
		List<PubSubPayload> payloads = new ArrayList<>();
		this.received.get(Topic.parse(topic)).forEach((message) -> payloads.add(message.payload()));
		return payloads;
	}

	@Test
	void aTopicOfEveryFamilyReceivesTheConvertedEvents() {
		List<String> topics = List.of("whispers." + VIEWER, "channel-bits-events-v1." + CHANNEL,
				"channel-bits-events-v2." + CHANNEL, "channel-bits-badge-unlocks." + CHANNEL,
				"channel-points-channel-v1." + CHANNEL, "channel-subscribe-events-v1." + CHANNEL,
				"chat_moderator_actions." + MODERATOR + "." + CHANNEL, "automod-queue." + MODERATOR + "." + CHANNEL,
				"user-moderation-notifications." + VIEWER + "." + CHANNEL,
				"low-trust-users." + MODERATOR + "." + CHANNEL);
		topics.forEach(this::listen);
		for (String topic : topics) {
			for (EventSubRide ride : TopicRoute.of(Topic.parse(topic)).rides()) {
				if (ride.type().equals("channel.chat.notification")) {
					// The sample is a resub notice; a bits badge tier is the notice that
					// converts.
					this.fake.publish(ride.type(), ride.condition(),
							EventSamples.fixture("channel.chat.notification.bits_badge_tier.json"));
				}
				else if (!ride.type().equals("channel.cheer") || topic.contains("-v1.")) {
					// One cheer reaches both bits topics: they share the subscription.
					this.fake.publishSample(ride.type(), ride.condition());
				}
			}
		}
		Map<String, Integer> expected = Map.of("whispers", 1, "channel-bits-events-v1", 1, "channel-bits-events-v2", 1,
				"channel-bits-badge-unlocks", 1, "channel-points-channel-v1", 2, "channel-subscribe-events-v1", 2,
				"chat_moderator_actions", 2, "automod-queue", 2, "user-moderation-notifications", 2, "low-trust-users",
				2);
		await().untilAsserted(() -> this.received.forEach((topic, messages) -> assertThat(messages).as(topic.value())
			.hasSize(expected.get(topic.type().prefix()))));
		this.received.forEach((topic, messages) -> assertThat(messages)
			.allSatisfy((message) -> assertThat(message.topic()).isEqualTo(topic)));

		assertThat(payloads("whispers." + VIEWER)).singleElement()
			.isInstanceOfSatisfying(WhisperEvent.Received.class, (whisper) -> {
				assertThat(whisper.whisper().body()).isEqualTo("a secret");
				assertThat(whisper.whisper().recipient().id()).isEqualTo(VIEWER);
				assertThat(whisper.whisper().threadId()).isEqualTo(VIEWER + "_423374343");
			});
		for (String bits : List.of("channel-bits-events-v1.", "channel-bits-events-v2.")) {
			assertThat(payloads(bits + CHANNEL)).singleElement()
				.isInstanceOfSatisfying(BitsEvent.Cheer.class, (cheer) -> {
					assertThat(cheer.bitsUsed()).isEqualTo(1000);
					assertThat(cheer.channelId()).isEqualTo(CHANNEL);
					assertThat(cheer.userName()).isEqualTo("cool_user");
				});
		}
		assertThat(payloads("channel-bits-badge-unlocks." + CHANNEL)).singleElement()
			.isInstanceOfSatisfying(BitsBadgeUnlock.class, (unlock) -> assertThat(unlock.badgeTier()).isEqualTo(1000));
		// Each ride has its own ordered queue: across rides, any order.
		assertThat(payloads("channel-points-channel-v1." + CHANNEL)).extracting(Object::getClass)
			.containsExactlyInAnyOrder(ChannelPointsEvent.RewardRedeemed.class,
					ChannelPointsEvent.RedemptionStatusUpdated.class);
		assertThat(payloads("channel-subscribe-events-v1." + CHANNEL)).extracting(Object::getClass)
			.containsExactlyInAnyOrder(SubscriptionEvent.Sub.class, SubscriptionEvent.Resub.class);
		assertThat(payloads("chat_moderator_actions." + MODERATOR + "." + CHANNEL)).hasExactlyElementsOfTypes(
				ChatModeratorActionEvent.ModeratorAdded.class, ChatModeratorActionEvent.ModerationAction.class);
		assertThat(payloads("automod-queue." + MODERATOR + "." + CHANNEL))
			.extracting((payload) -> ((AutomodQueueEvent.CaughtMessage) payload).status().name())
			.containsExactlyInAnyOrder("PENDING", "ALLOWED");
		assertThat(payloads("user-moderation-notifications." + VIEWER + "." + CHANNEL))
			.extracting((payload) -> ((UserModerationEvent.AutomodCaughtMessage) payload).status().name())
			.containsExactlyInAnyOrder("PENDING", "ALLOWED");
		assertThat(payloads("low-trust-users." + MODERATOR + "." + CHANNEL)).extracting(Object::getClass)
			.containsExactlyInAnyOrder(LowTrustUserEvent.NewMessage.class, LowTrustUserEvent.TreatmentUpdate.class);
		assertThat(this.pubsub.skipped()).isEmpty();
	}

	@Test
	void twoTopicsOnOneSubscriptionShareItAndUnlistenEndsIt() {
		UUID v1 = listen("channel-bits-events-v1." + CHANNEL);
		UUID v2 = listen("channel-bits-events-v2." + CHANNEL);
		UUID points = listen("channel-points-channel-v1." + CHANNEL);
		assertThat(enabled("channel.cheer")).hasSize(1);
		assertThat(this.pubsub.routes()).containsOnlyKeys(v1, v2, points);
		this.fake.publishSample("channel.cheer", CHEERS);
		await().until(() -> this.received.values().stream().mapToInt(List::size).sum() == 2);

		this.pubsub.unlisten(v1);
		// v2 still rides on the cheers subscription: it stays at Twitch.
		this.fake.publishSample("channel.cheer", CHEERS);
		await().until(() -> payloads("channel-bits-events-v2." + CHANNEL).size() == 2);
		assertThat(payloads("channel-bits-events-v1." + CHANNEL)).hasSize(1);
		assertThat(enabled("channel.cheer")).hasSize(1);

		this.pubsub.unlisten(v2);
		this.pubsub.unlisten(points);
		await().until(() -> enabled("channel.cheer").isEmpty()
				&& enabled("channel.channel_points_custom_reward_redemption.add").isEmpty()
				&& enabled("channel.channel_points_custom_reward_redemption.update").isEmpty());
		assertThat(this.pubsub.routes()).isEmpty();
	}

	@Test
	void anUnsupportedTopicIsRefusedAtOnceNamingTheAlternative() {
		assertThatExceptionOfType(UnsupportedTopicException.class)
			.isThrownBy(() -> this.pubsub.listenAsync(Topic.undocumented("video-playback-by-id." + CHANNEL), handler()))
			.withMessageContaining("video-playback-by-id.1337")
			.withMessageContaining("@TwitchEvent");
		assertThat(this.pubsub.routes()).isEmpty();
	}

	@Test
	void aNotificationWithoutPubSubCounterpartIsCountedNotDelivered() {
		String badges = "channel-bits-badge-unlocks." + CHANNEL;
		listen(badges);
		Map<String, String> condition = TopicRoute.of(Topic.parse(badges)).rides().get(0).condition();
		this.fake.publishSample("channel.chat.notification", condition);
		this.fake.publish("channel.chat.notification", condition,
				EventSamples.fixture("channel.chat.notification.bits_badge_tier.json"));
		await().until(() -> payloads(badges).size() == 1);
		assertThat(this.pubsub.skipped()).containsExactly(Map.entry("channel.chat.notification/notice_type=resub", 1L));
	}

	@Test
	void oddEventsDeliverWhatTheyCanOrAreCounted() {
		String cheers = "channel-bits-events-v2." + CHANNEL;
		String moderation = "chat_moderator_actions." + MODERATOR + "." + CHANNEL;
		listen(cheers);
		listen(moderation);
		this.fake.publish("channel.cheer", CHEERS, EventSamples.fixture("partial/channel.cheer.missing_fields.json"));
		this.fake.publish("channel.moderate", Map.of("broadcaster_user_id", CHANNEL, "moderator_user_id", MODERATOR),
				EventSamples.fixture("partial/channel.moderate.unknown_action.json"));
		this.fake.publish("channel.cheer", CHEERS, "{}");
		await().until(() -> payloads(cheers).size() == 2 && !this.pubsub.skipped().isEmpty());
		assertThat(payloads(cheers)).extracting((payload) -> ((BitsEvent.Cheer) payload).bitsUsed())
			.containsExactly(100, 0);
		assertThat(payloads(moderation)).isEmpty();
		assertThat(this.pubsub.skipped()).containsExactly(Map.entry("channel.moderate/action=unrecognized", 1L));
	}

	@Test
	void aRefusedRideFailsTheListenAndEndsTheOthers() {
		// Twitch refuses one of the two creations (400 is not retried); the other one is
		// ended, so that nothing of the topic is left.
		this.fake.failHelix("POST", 400, "invalid condition", 1);
		assertThat(this.pubsub.listenAsync(Topic.parse("channel-points-channel-v1." + CHANNEL), handler()))
			.failsWithin(Duration.ofSeconds(30))
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(HelixException.class);
		assertThat(this.pubsub.routes()).isEmpty();
		// Both rides' handles existed before either answer; the surviving one ends (it
		// leaves the snapshot) once its own creation is answered and deleted again.
		await().until(() -> this.client.snapshot()
			.subscriptions()
			.stream()
			.noneMatch((subscription) -> subscription.state() == SubscriptionState.ENABLED
					|| subscription.state() == SubscriptionState.PENDING)
				&& enabled("channel.channel_points_custom_reward_redemption.add").isEmpty()
				&& enabled("channel.channel_points_custom_reward_redemption.update").isEmpty());
	}

	private List<EventSubSubscription> enabled(String type) {
		return this.fake.subscriptions()
			.stream()
			.filter((created) -> created.isEnabled() && created.type().equals(type))
			.toList();
	}

}
