package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.List;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitchExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ServerSettingsTest {

	@RegisterExtension
	static final FakeTwitchExtension twitch = new FakeTwitchExtension(FakeServerSettings.builder()
		.topicLimit(2, "ERR_BADTOPIC")
		.allowUndocumentedTopics(true)
		.controlPort(-1)
		.build());

	@Test
	void usesTheConfiguredTopicLimitAndError() {
		FakeTwitchServer server = twitch.server();
		String token = new FakeTwitchFixture(server).broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(server)) {
			socket.listen("two", token, "whispers." + FakeTwitchFixture.BROADCASTER,
					"channel-bits-events-v2." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("two", "");
			socket.listen("three", token, "channel-points-channel-v1." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("three", "ERR_BADTOPIC");
			socket.listen("same", token, "whispers." + FakeTwitchFixture.BROADCASTER);
			socket.expectResponse("same", "");
		}
	}

	@Test
	void acceptsUndocumentedTopicsWithoutAToken() {
		FakeTwitchServer server = twitch.server();
		try (TestSocket socket = TestSocket.connect(server)) {
			socket.send(TestSocket.request("LISTEN", "raw", null, "video-playback-by-id.44322889"));
			socket.expectResponse("raw", "");
			assertThat(server.publish("video-playback-by-id.44322889", "{\"type\":\"viewcount\",\"viewers\":3}"))
				.isEqualTo(1);
			assertThat(socket.next().get("data").get("topic").asString()).isEqualTo("video-playback-by-id.44322889");
		}
	}

	@Test
	void runsWithoutAControlPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeServerSettings.builder().controlPort(-2).build());
		assertThat(twitch.server().settings().controlPort()).isEqualTo(-1);
	}

	@Test
	void rejectsImpossibleSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeServerSettings.builder().firstListenTimeout(Duration.ZERO).build())
			.withMessageContaining("firstListenTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeServerSettings.builder().topicLimit(0, "x").build());
	}

	@Test
	void rejectsDurationsThatOverflowTheClock() {
		Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
		assertThatIllegalArgumentException().isThrownBy(() -> FakeServerSettings.builder().pingTimeout(forever).build())
			.withMessageContaining("pingTimeout must be at most 365 days");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeServerSettings.builder().reconnectGracePeriod(forever).build())
			.withMessageContaining("reconnectGracePeriod");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeServerSettings.builder().tokenLifetime(forever).build())
			.withMessageContaining("tokenLifetime");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> twitch.server().faults().delayResponses(Duration.ofMillis(Long.MAX_VALUE)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> twitch.server().faults().sendReconnect(null, Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> twitch.server().accounts().issueToken("1", List.of(), forever));
	}

}
