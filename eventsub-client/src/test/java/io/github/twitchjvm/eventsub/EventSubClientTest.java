package io.github.twitchjvm.eventsub;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.eventsub.helix.HelixException;
import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.IssuedToken;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSettings;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The EventSub client end to end against the fake EventSub server over 127.0.0.1. */
class EventSubClientTest {

	private static final String BROADCASTER = "1337";

	private static final Map<String, String> CHEERS = Map.of("broadcaster_user_id", BROADCASTER);

	private static final String CHEER = "{\"is_anonymous\":false,\"user_id\":\"1234\",\"user_login\":\"cool_user\","
			+ "\"user_name\":\"Cool_User\",\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\":\"cooler_user\","
			+ "\"broadcaster_user_name\":\"Cooler_User\",\"message\":\"pogchamp\",\"bits\":1000}";

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.eventSub(EventSubSettings.builder().reconnectGracePeriod(Duration.ofSeconds(5)).limits(300, 3, 2).build())
		.build());

	private final List<EventSubNotification> received = new CopyOnWriteArrayList<>();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private EventSubClient client;

	private FakeEventSub fake;

	private IssuedToken token;

	@BeforeEach
	void start() {
		FakeTwitchServer server = twitch.server();
		this.fake = server.eventSub();
		server.accounts().registerUser(BROADCASTER, "broadcaster");
		this.token = server.accounts().issueToken(BROADCASTER, FakeEventSub.ALL_SCOPES);
		this.client = client(StaticTokenProvider.of(this.token.accessToken()), (builder) -> {
		});
		this.client.start();
	}

	private EventSubClient client(io.github.twitchjvm.core.auth.TwitchTokenProvider tokens,
			java.util.function.Consumer<EventSubClientBuilder> customizer) {
		EventSubClientBuilder builder = EventSubClient.builder()
			.uri(twitch.server().eventSubUri())
			.helixUri(twitch.server().helixUri())
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.tokenProvider(tokens)
			.reconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
			.listener(new EventSubListener() {

				@Override
				public void sessionLost(String userId, ReconnectCause cause, int closeCode) {
					EventSubClientTest.this.events.add("lost " + cause.tagValue() + " " + closeCode);
				}

				@Override
				public void subscriptionRevoked(EventSubSubscription subscription, String status) {
					EventSubClientTest.this.events.add("revoked " + status);
				}

			});
		customizer.accept(builder);
		return builder.build();
	}

	@AfterEach
	void stop() {
		this.client.stop();
	}

	private EventSubSubscription subscribeToCheers() {
		return this.client.subscribe("channel.cheer", "1", CHEERS,
				(subscription, notification) -> this.received.add(notification));
	}

	@Test
	void receivesTheNotificationsOfASubscription() {
		EventSubSubscription subscription = subscribeToCheers();
		assertThat(subscription.state()).isEqualTo(SubscriptionState.ENABLED);
		assertThat(enabled()).singleElement()
			.satisfies((created) -> assertThat(created.id()).isEqualTo(subscription.twitchId()));
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> this.received.size() == 1);
		EventSubNotification notification = this.received.get(0);
		assertThat(notification.type()).isEqualTo("channel.cheer");
		assertThat(notification.condition()).isEqualTo(CHEERS);
		assertThat(notification.rawEvent()).contains("\"bits\"");
	}

	@Test
	void handlersOfTheSameTypeAndConditionShareOneSubscriptionAtTwitch() {
		// Twitch answers 409 to a second subscription of the same type and condition.
		List<EventSubNotification> other = new CopyOnWriteArrayList<>();
		EventSubSubscription first = subscribeToCheers();
		EventSubSubscription second = this.client.subscribe("channel.cheer", "1", CHEERS,
				(subscription, notification) -> other.add(notification));
		assertThat(second.state()).isEqualTo(SubscriptionState.ENABLED);
		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(second.twitchId()).isEqualTo(first.twitchId());
		assertThat(enabled()).hasSize(1);
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> this.received.size() == 1 && other.size() == 1);
		assertThat(other.get(0).messageId()).isEqualTo(this.received.get(0).messageId());
		this.client.unsubscribe(first);
		assertThat(first.state()).isEqualTo(SubscriptionState.CANCELLED);
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> other.size() == 2);
		assertThat(this.received).hasSize(1);
		assertThat(enabled()).extracting(io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription::id)
			.containsExactly(second.twitchId());
		this.client.unsubscribe(second);
		await().until(() -> enabled().isEmpty());
		// A new handler after that creates it at Twitch again.
		EventSubSubscription third = subscribeToCheers();
		assertThat(third.state()).isEqualTo(SubscriptionState.ENABLED);
		assertThat(enabled()).hasSize(1);
	}

	@Test
	void aSubscriptionMadeAgainRightAfterItsUnsubscribeWaitsForTheDelete() throws Exception {
		// Created before Twitch deleted the old one, it would get 409 and fail.
		EventSubSubscription first = subscribeToCheers();
		this.fake.holdHelix("DELETE");
		try {
			this.client.unsubscribe(first);
			await().until(() -> this.fake.heldHelixRequests("DELETE") == 1);
			java.util.concurrent.CompletableFuture<EventSubSubscription> again = this.client.subscribeAsync(
					"channel.cheer", "1", CHEERS, (subscription, notification) -> this.received.add(notification));
			// Nothing is sent while Twitch has not answered the delete (a 409 would come
			// at once).
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !again.isDone());
			this.fake.releaseHelix("DELETE");
			assertThat(again.get(10, java.util.concurrent.TimeUnit.SECONDS).state())
				.isEqualTo(SubscriptionState.ENABLED);
			assertThat(enabled()).hasSize(1);
		}
		finally {
			this.fake.releaseHelix("DELETE");
		}
	}

	@Test
	void dropsDuplicatesAndMessagesOlderThanTenMinutes() {
		EventSubSubscription subscription = subscribeToCheers();
		String first = this.fake.publish(subscription.twitchId(), CHEER);
		this.fake.duplicate(first);
		this.fake.publishOld(subscription.twitchId(), CHEER, Duration.ofMinutes(11));
		String last = this.fake.publish(subscription.twitchId(), CHEER);
		await().until(() -> this.received.stream().anyMatch((notification) -> notification.messageId().equals(last)));
		assertThat(this.received).extracting(EventSubNotification::messageId).containsExactly(first, last);
		assertThat(this.client.snapshot().counters().dropped()).containsEntry("duplicate", 1L)
			.containsEntry("too_old", 1L);
	}

	@Test
	void tellsItsListenersEveryNotificationDropReconnectAndHelixRequest() {
		List<String> activity = new CopyOnWriteArrayList<>();
		this.client.stop();
		this.client = client(StaticTokenProvider.of(this.token.accessToken()),
				(builder) -> builder.listener(new EventSubListener() {

					@Override
					public void notificationReceived(EventSubSubscription subscription) {
						activity.add("received " + subscription.type());
					}

					@Override
					public void notificationDropped(EventSubSubscription subscription,
							io.github.twitchjvm.core.dispatch.DropReason reason, long count) {
						activity.add("dropped " + reason.tagValue() + " " + count);
					}

					@Override
					public void reconnecting(String userId, ReconnectCause cause) {
						activity.add("reconnecting " + userId + " " + cause.tagValue());
					}

					@Override
					public void helixRequestCompleted(String method, int status, Duration elapsed) {
						activity.add(method + " " + status);
					}

				}));
		this.client.start();
		EventSubSubscription subscription = subscribeToCheers();
		String first = this.fake.publish(subscription.twitchId(), CHEER);
		this.fake.duplicate(first);
		this.fake.publishOld(subscription.twitchId(), CHEER, Duration.ofMinutes(11));
		String last = this.fake.publish(subscription.twitchId(), CHEER);
		await().until(() -> this.received.stream().anyMatch((notification) -> notification.messageId().equals(last)));
		// Helix requests are told on the notification thread, notifications on the
		// reading thread: in order within each.
		assertThat(activity).filteredOn((line) -> !line.startsWith("POST"))
			.containsExactly("received channel.cheer", "dropped duplicate 1", "dropped too_old 1",
					"received channel.cheer");
		await().until(() -> activity.contains("POST 202"));
		activity.clear();
		this.fake.dropTcp(sessionOf(subscription));
		await().until(() -> activity.contains("POST 202"));
		assertThat(activity).containsExactly("reconnecting " + BROADCASTER + " error", "DELETE 204", "POST 202");
	}

	@Test
	void followsASessionReconnectWithoutLossDuplicatesOrCreatingAgain() {
		EventSubSubscription subscription = subscribeToCheers();
		String twitchId = subscription.twitchId();
		String sessionId = sessionOf(subscription);
		AtomicInteger sent = new AtomicInteger();
		for (int i = 0; i < 50; i++) {
			this.fake.publish(twitchId, event(sent.incrementAndGet()));
		}
		this.fake.reconnect(sessionId);
		for (int i = 0; i < 50; i++) {
			this.fake.publish(twitchId, event(sent.incrementAndGet()));
		}
		await().until(() -> this.fake.sessions()
			.stream()
			.anyMatch((session) -> session.id().equals(sessionId) && session.status().equals("connected")));
		for (int i = 0; i < 50; i++) {
			this.fake.publish(twitchId, event(sent.incrementAndGet()));
		}
		await().until(() -> this.received.size() >= sent.get());
		assertThat(this.received).extracting(EventSubNotification::rawEvent)
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, sent.get()).mapToObj(EventSubClientTest::event).toList());
		assertThat(subscription.twitchId()).isEqualTo(twitchId);
		assertThat(enabled()).hasSize(1);
		assertThat(this.events).isEmpty();
	}

	@Test
	void aSessionReconnectWhoseNewSocketFailsKeepsTheOldSessionAndFollowsTheNextOne() throws Exception {
		EventSubSubscription subscription = subscribeToCheers();
		String before = subscription.twitchId();
		String sessionId = sessionOf(subscription);
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.fake.sendRaw(sessionId, "{\"metadata\":{\"message_id\":\"" + java.util.UUID.randomUUID()
				+ "\",\"message_type\":\"session_reconnect\",\"message_timestamp\":\"" + java.time.Instant.now()
				+ "\"},\"payload\":{\"session\":{\"id\":\"" + sessionId
				+ "\",\"status\":\"reconnecting\",\"keepalive_timeout_seconds\":null,\"reconnect_url\":"
				+ "\"ws://127.0.0.1:" + closedPort + "/ws\",\"connected_at\":\"" + java.time.Instant.now() + "\"}}}");
		await().until(() -> this.client.snapshot().counters().reconnects().getOrDefault("server_reconnect", 0L) == 1L);
		// The move failed; the old session still delivers, and its subscription is the
		// same one at Twitch.
		this.fake.publish(before, CHEER);
		await().until(() -> this.received.size() == 1);
		assertThat(subscription.twitchId()).isEqualTo(before);
		assertThat(this.events).isEmpty();
		// A later session_reconnect is followed as usual.
		this.fake.reconnect(sessionId);
		await().until(() -> this.client.snapshot().counters().reconnects().getOrDefault("server_reconnect", 0L) == 2L);
		await().until(() -> this.fake.sessions()
			.stream()
			.anyMatch((session) -> session.id().equals(sessionId) && session.status().equals("connected")));
		this.fake.publish(before, CHEER);
		await().until(() -> this.received.size() == 2);
		assertThat(subscription.twitchId()).isEqualTo(before);
		assertThat(this.events).isEmpty();
	}

	@Test
	void createsItsSubscriptionsOnANewSessionAfterALostOneAndDeletesTheStaleOnes() {
		EventSubSubscription subscription = subscribeToCheers();
		String before = subscription.twitchId();
		this.fake.dropTcp(sessionOf(subscription));
		await()
			.until(() -> subscription.state() == SubscriptionState.ENABLED && !before.equals(subscription.twitchId()));
		assertThat(enabled()).extracting(io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription::id)
			.containsExactly(subscription.twitchId());
		// The stale one was deleted, not merely left disabled.
		assertThat(this.fake.subscriptions()).noneMatch((created) -> created.id().equals(before));
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> this.received.size() == 1);
		assertThat(this.events).singleElement().asString().startsWith("lost error");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(ints = { 4000, 4002, 4003, 4004, 4005, 4006, 4007, 1011 })
	void everyCloseCodeEndsInANewSessionWithTheSubscriptionCreatedAgain(int code) {
		EventSubSubscription subscription = subscribeToCheers();
		String before = subscription.twitchId();
		this.fake.close(sessionOf(subscription), code);
		await()
			.until(() -> subscription.state() == SubscriptionState.ENABLED && !before.equals(subscription.twitchId()));
		assertThat(this.events).containsExactly("lost closed " + code);
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> this.received.size() == 1);
	}

	@Test
	void neverSendsADataFrame() {
		// The fake server, like Twitch, closes a session with 4001 on any data frame
		// from the client.
		EventSubSubscription subscription = subscribeToCheers();
		this.fake.reconnect(sessionOf(subscription));
		this.fake.publish("channel.cheer", CHEERS, CHEER);
		await().until(() -> this.received.size() == 1);
		assertThat(this.events).noneMatch((event) -> event.contains("4001"));
		assertThat(this.fake.sessions()).noneMatch((session) -> session.status().contains("inbound_traffic"));
	}

	@Test
	void reconnectsWhenKeepalivesStop() {
		EventSubSubscription subscription = subscribeToCheers();
		String before = subscription.twitchId();
		this.fake.stopKeepalives(sessionOf(subscription));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> subscription.state() == SubscriptionState.ENABLED && !before.equals(subscription.twitchId()));
		assertThat(this.events).contains("lost keepalive_timeout 1006");
	}

	@Test
	void aRevokedSubscriptionIsToldAndNotRetried() {
		EventSubSubscription subscription = subscribeToCheers();
		this.fake.revoke(subscription.twitchId(), "authorization_revoked");
		await().until(() -> subscription.state() == SubscriptionState.REVOKED);
		assertThat(subscription.revocationStatus()).isEqualTo("authorization_revoked");
		await().until(() -> this.events.contains("revoked authorization_revoked"));
		assertThat(enabled()).isEmpty();
	}

	@Test
	void aRefusedSubscriptionFailsWithTwitchsStatusAndMessage() {
		this.fake.failHelix("POST", 403, "The access token is missing the required scopes", 1);
		assertThatExceptionOfType(HelixException.class).isThrownBy(this::subscribeToCheers)
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403))
			.withMessageContaining("missing the required scopes");
	}

	@Test
	void retriesAfterATooManyRequestsAnswer() {
		this.fake.failHelix("POST", 429, "slow down", 1);
		assertThat(subscribeToCheers().state()).isEqualTo(SubscriptionState.ENABLED);
	}

	@Test
	void refreshesTheTokenOnceAfterUnauthorized() {
		AtomicInteger refreshes = new AtomicInteger();
		String good = this.token.accessToken();
		this.client.stop();
		this.client = client(new io.github.twitchjvm.core.auth.TwitchTokenProvider() {

			@Override
			public java.util.concurrent.CompletionStage<AccessToken> token(String userId) {
				return java.util.concurrent.CompletableFuture
					.completedFuture(AccessToken.of("expired-token-0000000000"));
			}

			@Override
			public java.util.concurrent.CompletionStage<AccessToken> refresh(String userId, AccessToken rejected) {
				refreshes.incrementAndGet();
				return java.util.concurrent.CompletableFuture.completedFuture(AccessToken.of(good));
			}

		}, (builder) -> {
		});
		this.client.start();
		assertThat(subscribeToCheers().state()).isEqualTo(SubscriptionState.ENABLED);
		assertThat(refreshes).hasValue(1);
	}

	@Test
	void refusesASubscriptionBeyondTheLimitsBeforeSendingIt() {
		this.client.stop();
		this.client = client(StaticTokenProvider.of(this.token.accessToken()), (builder) -> builder.limits(1, 1));
		this.client.start();
		subscribeToCheers();
		assertThatExceptionOfType(SubscriptionLimitException.class)
			.isThrownBy(() -> this.client.subscribe("channel.subscribe", "1", CHEERS,
					(subscription, notification) -> this.received.add(notification)));
		assertThat(enabled()).hasSize(1);
	}

	@Test
	void keepsABoundedNumberOfRefusedSubscriptions() {
		this.client.stop();
		this.client = client(StaticTokenProvider.of(this.token.accessToken()), (builder) -> builder.limits(1, 1));
		this.client.start();
		subscribeToCheers();
		List<java.util.concurrent.CompletableFuture<EventSubSubscription>> refused = new java.util.ArrayList<>();
		for (int i = 0; i < EventSubEngine.MAX_ENDED + 100; i++) {
			refused.add(this.client.subscribeAsync("channel.cheer", "1",
					Map.of("broadcaster_user_id", BROADCASTER, "reward_id", "r" + i), (subscription, notification) -> {
					}));
		}
		await()
			.until(() -> refused.stream().allMatch(java.util.concurrent.CompletableFuture::isCompletedExceptionally));
		List<EventSubSubscription> kept = this.client.snapshot().subscriptions();
		assertThat(kept).filteredOn((subscription) -> subscription.state() == SubscriptionState.FAILED)
			.hasSize(EventSubEngine.MAX_ENDED);
		assertThat(kept).filteredOn((subscription) -> subscription.state() == SubscriptionState.ENABLED).hasSize(1);
	}

	@Test
	void refusesASubscriptionThatMayCostMoreThanTheBudgetTwitchReportedBeforeSendingIt() {
		// The fake server's budget is 2 here; stream.online and stream.offline cost 1.
		Map<String, String> channel = Map.of("broadcaster_user_id", BROADCASTER);
		this.client.subscribe("stream.online", "1", channel, (subscription, notification) -> {
		});
		this.client.subscribe("stream.offline", "1", channel, (subscription, notification) -> {
		});
		assertThatExceptionOfType(SubscriptionLimitException.class)
			.isThrownBy(() -> this.client.subscribe("channel.update", "2", channel, (subscription, notification) -> {
			}))
			.withMessageContaining("total_cost 2 of max_total_cost 2");
		assertThat(enabled()).hasSize(2);
		// Types authorized by the user cost nothing: still accepted.
		assertThat(subscribeToCheers().state()).isEqualTo(SubscriptionState.ENABLED);
	}

	@Test
	void asksForTheKeepaliveTimeoutItWasGiven() {
		this.client.stop();
		this.client = client(StaticTokenProvider.of(this.token.accessToken()),
				(builder) -> builder.keepaliveTimeout(Duration.ofSeconds(30)));
		this.client.start();
		EventSubSubscription subscription = subscribeToCheers();
		String sessionId = sessionOf(subscription);
		assertThat(this.fake.sessions()).filteredOn((session) -> session.id().equals(sessionId))
			.singleElement()
			.satisfies((session) -> assertThat(session.keepaliveTimeoutSeconds()).isEqualTo(30));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventSubClient.builder()
				.clientId("c")
				.accessToken("t")
				.keepaliveTimeout(Duration.ofSeconds(5))
				.build())
			.withMessageContaining("from 10 to 600");
	}

	@Test
	void listsWhatTwitchHoldsForAUser() throws Exception {
		EventSubSubscription subscription = subscribeToCheers();
		assertThat(this.client.listTwitchSubscriptions(BROADCASTER).get(10, java.util.concurrent.TimeUnit.SECONDS))
			.filteredOn((listed) -> listed.status().equals("enabled"))
			.singleElement()
			.satisfies((listed) -> {
				assertThat(listed.id()).isEqualTo(subscription.twitchId());
				assertThat(listed.sessionId()).isEqualTo(sessionOf(subscription));
				assertThat(listed.condition()).isEqualTo(CHEERS);
			});
	}

	@Test
	void unsubscribingDeletesTheSubscriptionAtTwitch() {
		EventSubSubscription subscription = subscribeToCheers();
		this.client.unsubscribe(subscription);
		await().until(() -> enabled().isEmpty());
		assertThat(subscription.state()).isEqualTo(SubscriptionState.CANCELLED);
	}

	private List<io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription> enabled() {
		return this.fake.subscriptions().stream().filter((created) -> created.status().equals("enabled")).toList();
	}

	private String sessionOf(EventSubSubscription subscription) {
		return enabled().stream()
			.filter((created) -> created.id().equals(subscription.twitchId()))
			.findFirst()
			.orElseThrow()
			.sessionId();
	}

	private static String event(int sequence) {
		return "{\"user_id\":\"1\",\"bits\":" + sequence + "}";
	}

}
