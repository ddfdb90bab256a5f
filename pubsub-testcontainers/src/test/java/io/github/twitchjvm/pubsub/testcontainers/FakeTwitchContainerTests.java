package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.ConnectionInfo;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The fake server in a container, driven through {@link FakeTwitchContainer}'s control
 * methods, with the plain-Java clients connected to it over the host's {@code 127.0.0.1}.
 * Skipped where no Docker engine answers; CI starts one.
 */
@Testcontainers(disabledWithoutDocker = true)
class FakeTwitchContainerTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Container
	static final FakeTwitchContainer twitch = FakeTwitchImage.container();

	@AfterEach
	void reset() {
		twitch.reset();
		twitch.eventSub().reset();
		twitch.faults().clear();
	}

	@Test
	void namesItsAddressesAndPrintsTheDemoUsersThisClassKnows() {
		String host = FakeTwitchImage.NETWORK_MODE.equals("host") ? "127.0.0.1" : twitch.getHost();
		String authority = host + ":" + twitch.pubSubUri().getPort();
		assertThat(twitch.pubSubUri()).hasToString("ws://" + authority);
		assertThat(twitch.eventSubUri()).hasToString("ws://" + authority + "/ws");
		assertThat(twitch.helixUri()).hasToString("http://" + authority + "/helix");
		assertThat(twitch.oauthUri()).hasToString("http://" + authority + "/oauth2");
		assertThat(twitch.controlUri().getHost()).isEqualTo(host);
		assertThat(twitch.controlUri().getPort()).isNotEqualTo(twitch.pubSubUri().getPort());
		String banner = twitch.getLogs();
		FakeTwitchContainer.DEMO_TOKENS
			.forEach((user, token) -> assertThat(banner).containsPattern(user + "\\s+\\S+\\s+access " + token));
		assertThat(banner).contains(FakeTwitchContainer.CLIENT_ID + " / " + FakeTwitchContainer.CLIENT_SECRET)
			.contains(FakeTwitchContainer.BROADCASTER_ID + "  " + FakeTwitchContainer.BROADCASTER_LOGIN);
	}

	@Test
	void aPubSubClientReceivesWhatTheContainerPublishesAndFollowsItsReconnect() throws InterruptedException {
		BlockingQueue<WhisperEvent> whispers = new LinkedBlockingQueue<>();
		PubSubClient client = startedPubSubClient();
		try {
			client.listenWhispers(FakeTwitchContainer.BROADCASTER_ID, (subscription, whisper) -> whispers.add(whisper));
			String topic = TopicType.WHISPERS.topic(FakeTwitchContainer.BROADCASTER_ID).value();
			String message = SampleMessages.get(TopicType.WHISPERS, "whisper_received");

			assertThat(twitch.publish(topic, message)).isEqualTo(1);
			assertThat(whispers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(WhisperEvent.Received.class);

			List<ConnectionInfo> before = twitch.connections();
			assertThat(before).singleElement()
				.satisfies((connection) -> assertThat(connection.topics()).contains(topic));
			assertThat(twitch.faults().sendReconnect(null)).isEqualTo(1);
			await().atMost(WAIT)
				.until(() -> twitch.connections()
					.stream()
					.anyMatch((connection) -> !connection.id().equals(before.get(0).id())
							&& connection.topics().contains(topic)));
			await().atMost(WAIT).until(() -> twitch.connections().size() == 1);
			assertThat(twitch.publish(topic, message)).isEqualTo(1);
			assertThat(whispers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("delivered after the reconnect")
				.isNotNull();

			assertThat(twitch.stats().messagesDelivered()).isEqualTo(2);
			assertThat(twitch.receivedFrames()).isNotEmpty()
				.allSatisfy((frame) -> assertThat(frame.text())
					.doesNotContain(FakeTwitchContainer.DEMO_TOKENS.get(FakeTwitchContainer.BROADCASTER_ID)));
		}
		finally {
			client.stop();
		}
	}

	@Test
	void anEventSubClientSubscribesThroughHelixAndFollowsASessionReconnect() throws InterruptedException {
		BlockingQueue<ChannelCheerEvent> cheers = new LinkedBlockingQueue<>();
		EventSubClient client = startedEventSubClient();
		try {
			client.onCheer(FakeTwitchContainer.BROADCASTER_ID, (cheer, notification) -> cheers.add(cheer));
			Map<String, String> condition = Map.of("broadcaster_user_id", FakeTwitchContainer.BROADCASTER_ID);
			// Earlier tests' subscriptions stay listed, disabled: reset() keeps them.
			await().atMost(WAIT).until(() -> enabledCheerSubscription() != null);
			EventSubSubscription subscription = enabledCheerSubscription();
			assertThat(subscription.clientId()).isEqualTo(FakeTwitchContainer.CLIENT_ID);
			assertThat(subscription.userId()).isEqualTo(FakeTwitchContainer.BROADCASTER_ID);

			assertThat(twitch.eventSub().publishSample("channel.cheer", condition)).hasSize(1);
			assertThat(cheers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

			String session = subscription.sessionId();
			URI reconnectUrl = twitch.eventSub().reconnect(session);
			assertThat(reconnectUrl.getAuthority()).isEqualTo(twitch.eventSubUri().getAuthority());
			// Reconnecting until the client connects to the URL; the session keeps its
			// id.
			await().atMost(WAIT)
				.until(() -> twitch.eventSub()
					.sessions()
					.stream()
					.anyMatch((moved) -> moved.id().equals(session) && moved.status().equals("connected")));
			String cheer = FakeEventSub.sampleEvent("channel.cheer")
				.replaceFirst("\"bits\"\\s*:\\s*1000", "\"bits\": 321");
			assertThat(twitch.eventSub().publish(subscription.id(), cheer)).isNotBlank();
			ChannelCheerEvent afterReconnect = cheers.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(afterReconnect).isNotNull();
			assertThat(afterReconnect.bits()).isEqualTo(321);
		}
		finally {
			client.stop();
		}
	}

	@Test
	void managesUsersAndTokensAndExplainsWhatItRefuses() {
		twitch.accounts().registerUser("200000001", "container_user");
		ContainerAccounts.Token token = twitch.accounts()
			.issueToken("200000001", List.of("whispers:read"), Duration.ofHours(1));
		assertThat(token.scopes()).containsExactly("whispers:read");
		assertThat(token.toString()).doesNotContain(token.accessToken()).doesNotContain(token.refreshToken());
		assertThat(twitch.accounts().expire(token.accessToken())).isTrue();
		assertThat(twitch.accounts().revoke("unknowntoken0000000000000000000")).isFalse();

		assertThatIllegalArgumentException().isThrownBy(() -> twitch.eventSub().reconnect("no-such-session"))
			.withMessageContaining("no-such-session")
			.withMessageEndingWith("(/eventsub/reconnect)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> twitch.accounts().issueToken("999999999", List.of(), Duration.ofHours(1)))
			.withMessageContaining("999999999");
	}

	@Test
	void mapsItsPortsOffTheHostNetworkAndTakesFreeOnesOnIt() {
		try (FakeTwitchContainer mapped = new FakeTwitchContainer("twitchjvm/fake-twitch:any")) {
			mapped.configure();
			assertThat(mapped.getExposedPorts()).containsExactly(FakeTwitchContainer.PORT,
					FakeTwitchContainer.CONTROL_PORT);
			assertThat(mapped.getCommandParts()).containsExactly("--host", "0.0.0.0", "--port", "17080",
					"--control-port", "17081");
		}
		try (FakeTwitchContainer onHost = new FakeTwitchContainer("twitchjvm/fake-twitch:any")
			.withNetworkMode("host")) {
			onHost.configure();
			assertThat(onHost.getExposedPorts()).isEmpty();
			assertThat(onHost.getCommandParts()).containsExactly("--port", "0", "--control-port", "0");
		}
	}

	@Test
	void tellsTheServerTheDockerHostsNameWhenItIsNotAnAddress() {
		try (FakeTwitchContainer behindAName = new FakeTwitchContainer("twitchjvm/fake-twitch:any") {
			@Override
			public String getHost() {
				return "docker";
			}
		}) {
			behindAName.configure();
			assertThat(behindAName.getCommandParts()).containsSubsequence("--host", "0.0.0.0")
				.containsSubsequence("--allowed-host", "docker");
		}
		for (String address : List.of("localhost", "127.0.0.1", "172.17.0.1", "::1", "[::1]")) {
			try (FakeTwitchContainer atAnAddress = new FakeTwitchContainer("twitchjvm/fake-twitch:any") {
				@Override
				public String getHost() {
					return address;
				}
			}) {
				atAnAddress.configure();
				assertThat(atAnAddress.getCommandParts()).as(address).doesNotContain("--allowed-host");
			}
		}
	}

	@Test
	void refusesAnImageThatIsNotTheFakeServers() {
		assertThatIllegalStateException().isThrownBy(() -> new FakeTwitchContainer("postgres:16"))
			.withMessageContaining("twitchjvm/fake-twitch");
	}

	@Test
	void everyPubSubControlMethodReachesItsRoute() throws InterruptedException {
		BlockingQueue<WhisperEvent> whispers = new LinkedBlockingQueue<>();
		PubSubClient client = startedPubSubClient();
		try {
			client.listenWhispers(FakeTwitchContainer.BROADCASTER_ID, (subscription, whisper) -> whispers.add(whisper));
			Topic topic = TopicType.WHISPERS.topic(FakeTwitchContainer.BROADCASTER_ID);
			PubSubPayload payload = PayloadCodec.standard()
				.decode(TopicType.WHISPERS, SampleMessages.get(TopicType.WHISPERS, "whisper_received"));
			assertThat(twitch.publish(topic, payload)).isEqualTo(1);
			assertThat(whispers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payload);

			ContainerFaults faults = twitch.faults();
			assertThat(faults.stopReading(null)).isEqualTo(1);
			assertThat(faults.resumeReading(null)).isEqualTo(1);
			assertThat(faults.sendRaw(null, "{\"type\":\"PONG\"}")).isEqualTo(1);
			faults.answerPings(false);
			faults.delayResponses(Duration.ofMillis(5));
			faults.withholdResponses(true);
			faults.failNextListens(1, "ERR_SERVER");
			faults.refuseConnections(Duration.ofSeconds(30));
			faults.acceptConnections();
			faults.clear();
			assertThat(faults.sendReconnect(null, null)).as("kept open").isEqualTo(1);
			await().atMost(WAIT).until(() -> twitch.connections().size() == 1);
			String connection = twitch.connections().get(0).id();
			assertThat(faults.close(connection, 4000, "going away")).isEqualTo(1);
			await().atMost(WAIT)
				.until(() -> twitch.connections().stream().anyMatch((open) -> !open.id().equals(connection)));
			await().atMost(WAIT).until(() -> twitch.connections().size() == 1);
			assertThat(faults.drop(null)).isEqualTo(1);
			await().atMost(WAIT)
				.until(() -> twitch.connections().size() == 1
						&& twitch.connections().get(0).topics().contains(topic.value()));
			assertThat(twitch.publish(topic, payload)).as("delivered after a close and a drop").isEqualTo(1);
			assertThat(whispers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(payload);
			assertThat(twitch.stats().responses()).containsKey("");
		}
		finally {
			client.stop();
		}
	}

	@Test
	void everyEventSubControlMethodReachesItsRoute() throws InterruptedException {
		BlockingQueue<ChannelCheerEvent> cheers = new LinkedBlockingQueue<>();
		twitch.accounts()
			.registerClient("containerclientid000000000000", "containerclientsecret000000000",
					List.of("https://bot.example/login/oauth2/code/twitch"));
		EventSubClient client = startedEventSubClient();
		try {
			client.onCheer(FakeTwitchContainer.BROADCASTER_ID, (cheer, notification) -> cheers.add(cheer));
			Map<String, String> condition = Map.of("broadcaster_user_id", FakeTwitchContainer.BROADCASTER_ID);
			await().atMost(WAIT).until(() -> enabledCheerSubscription() != null);
			ContainerEventSub eventSub = twitch.eventSub();
			String event = FakeEventSub.sampleEvent("channel.cheer");

			List<String> ids = eventSub.publish("channel.cheer", condition, event);
			assertThat(ids).hasSize(1);
			assertThat(cheers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
			eventSub.duplicate(ids.get(0));
			assertThat(eventSub.publishOld("channel.cheer", condition, event, Duration.ofMinutes(30))).hasSize(1);
			assertThat(eventSub.publishOld(enabledCheerSubscription().id(), event, Duration.ofMinutes(30)))
				.isNotBlank();
			String session = eventSub.sessions().get(0).id();
			eventSub.stopKeepalives(session);
			eventSub.resumeKeepalives(session);
			eventSub.sendRaw(session, "{\"metadata\":{}}");
			eventSub.failHelix("GET", 503, "Service Unavailable", 1);

			eventSub.dropTcp(session);
			await().atMost(WAIT).until(() -> {
				EventSubSubscription moved = enabledCheerSubscription();
				return moved != null && !moved.sessionId().equals(session);
			});
			String second = enabledCheerSubscription().sessionId();
			eventSub.close(second, 4006);
			await().atMost(WAIT).until(() -> {
				EventSubSubscription moved = enabledCheerSubscription();
				return moved != null && !moved.sessionId().equals(second) && !moved.sessionId().equals(session);
			});
			assertThat(eventSub.sessions()).filteredOn((known) -> known.id().equals(second))
				.singleElement()
				.satisfies((closed) -> assertThat(closed.status()).isEqualTo("websocket_network_error"));
			EventSubSubscription last = enabledCheerSubscription();
			String fresh = event.replaceFirst("\"bits\"\\s*:\\s*1000", "\"bits\": 7");
			assertThat(eventSub.publish(last.id(), fresh)).isNotBlank();
			assertThat(cheers.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
				.as("the next delivery, after a drop and a close, is the fresh event: the duplicate and the old "
						+ "ones were dropped")
				.satisfies((cheer) -> assertThat(cheer.bits()).isEqualTo(7));

			eventSub.revoke(last.id(), "user_removed");
			await().atMost(WAIT)
				.until(() -> eventSub.subscriptions()
					.stream()
					.anyMatch((revoked) -> revoked.id().equals(last.id()) && revoked.status().equals("user_removed")
							&& revoked.disabledAt() != null));
		}
		finally {
			client.stop();
		}
	}

	/** A plain client configured only from the container, as a user's would be. */
	private static PubSubClient startedPubSubClient() {
		PubSubClient client = PubSubClient.builder().uri(twitch.pubSubUri()).tokenProvider(twitch.demoTokens()).build();
		client.start();
		return client;
	}

	private static EventSubClient startedEventSubClient() {
		EventSubClient client = EventSubClient.builder()
			.uri(twitch.eventSubUri())
			.helixUri(twitch.helixUri())
			.clientId(FakeTwitchContainer.CLIENT_ID)
			.tokenProvider(twitch.demoTokens())
			.build();
		client.start();
		return client;
	}

	private static @Nullable EventSubSubscription enabledCheerSubscription() {
		return twitch.eventSub()
			.subscriptions()
			.stream()
			.filter((subscription) -> subscription.type().equals("channel.cheer") && subscription.isEnabled())
			.findFirst()
			.orElse(null);
	}

}
