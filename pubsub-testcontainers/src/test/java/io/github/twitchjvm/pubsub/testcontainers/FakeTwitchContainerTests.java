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
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.ConnectionInfo;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSession;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import io.github.twitchjvm.pubsub.topic.TopicType;
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
	static final FakeTwitchContainer twitch = new FakeTwitchContainer(FakeTwitchImage.ofThisBuild())
		.withNetworkMode("host");

	@AfterEach
	void reset() {
		twitch.reset();
		twitch.eventSub().reset();
		twitch.faults().clear();
	}

	@Test
	void listensOnTheHostsLoopbackAndPrintsTheDemoUsersThisClassKnows() {
		assertThat(twitch.pubSubUri().getHost()).isEqualTo("127.0.0.1");
		assertThat(twitch.eventSubUri()).hasToString(twitch.pubSubUri() + "/ws");
		assertThat(twitch.helixUri()).hasToString("http://127.0.0.1:" + twitch.pubSubUri().getPort() + "/helix");
		assertThat(twitch.oauthUri()).hasToString("http://127.0.0.1:" + twitch.pubSubUri().getPort() + "/oauth2");
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
		PubSubClient client = PubSubClient.builder().uri(twitch.pubSubUri()).tokenProvider(twitch.demoTokens()).build();
		client.start();
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
		EventSubClient client = EventSubClient.builder()
			.uri(twitch.eventSubUri())
			.helixUri(twitch.helixUri())
			.clientId(FakeTwitchContainer.CLIENT_ID)
			.tokenProvider(twitch.demoTokens())
			.build();
		client.start();
		try {
			client.onCheer(FakeTwitchContainer.BROADCASTER_ID, (cheer, notification) -> cheers.add(cheer));
			Map<String, String> condition = Map.of("broadcaster_user_id", FakeTwitchContainer.BROADCASTER_ID);
			await().atMost(WAIT).until(() -> !twitch.eventSub().subscriptions().isEmpty());
			EventSubSubscription subscription = twitch.eventSub().subscriptions().get(0);
			assertThat(subscription.type()).isEqualTo("channel.cheer");
			assertThat(subscription.clientId()).isEqualTo(FakeTwitchContainer.CLIENT_ID);
			assertThat(subscription.userId()).isEqualTo(FakeTwitchContainer.BROADCASTER_ID);
			assertThat(subscription.status()).isEqualTo("enabled");

			assertThat(twitch.eventSub().publishSample("channel.cheer", condition)).hasSize(1);
			assertThat(cheers.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();

			EventSubSession session = twitch.eventSub().sessions().get(0);
			URI reconnectUrl = twitch.eventSub().reconnect(session.id());
			assertThat(reconnectUrl.getAuthority()).isEqualTo(twitch.eventSubUri().getAuthority());
			await().atMost(WAIT)
				.until(() -> twitch.eventSub().sessions().stream().filter(EventSubSession::isConnected).count() == 1
						&& twitch.eventSub().sessions().get(0).status().equals("connected"));
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
	void refusesAnImageThatIsNotTheFakeServers() {
		assertThatIllegalStateException().isThrownBy(() -> new FakeTwitchContainer("postgres:16"))
			.withMessageContaining("twitchjvm/fake-twitch");
	}

}
