package io.github.twitchjvm.eventsub.session;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every EventSub message type, in Twitch's documented shapes and in other key orders. */
class EventSubFramesTest {

	@Test
	void readsAWelcomeWithNanosecondTimestamps() {
		EventSubFrame frame = EventSubFrames.parse("{\"metadata\":{\"message_id\":\"96a3f3b5\","
				+ "\"message_type\":\"session_welcome\",\"message_timestamp\":\"2023-07-19T14:56:51.634234626Z\"},"
				+ "\"payload\":{\"session\":{\"id\":\"AQoQILE98gtqShGmLD7AM6yJThAB\",\"status\":\"connected\","
				+ "\"connected_at\":\"2023-07-19T14:56:51.616329898Z\",\"keepalive_timeout_seconds\":10,"
				+ "\"reconnect_url\":null}}}");
		assertThat(frame).isEqualTo(new EventSubFrame.Welcome("96a3f3b5",
				Instant.parse("2023-07-19T14:56:51.634234626Z"), "AQoQILE98gtqShGmLD7AM6yJThAB", 10));
		assertThat(frame.timestamp().getNano()).isEqualTo(634234626);
	}

	@Test
	void readsANotificationWithItsEventAsReceivedEvenWithThePayloadFirst() {
		String event = "{\"is_anonymous\":false,\"user_id\":\"1234\",\"message\":\"pog \\\"champ\\\" {}\",\"bits\":1000}";
		EventSubFrame frame = EventSubFrames.parse("{\"payload\":{\"event\":" + event + ",\"subscription\":"
				+ "{\"id\":\"f1c2a387\",\"status\":\"enabled\",\"type\":\"channel.cheer\",\"version\":\"1\",\"cost\":0,"
				+ "\"condition\":{\"broadcaster_user_id\":\"1337\"},\"transport\":{\"method\":\"websocket\","
				+ "\"session_id\":\"AQoQ\"},\"created_at\":\"2022-11-16T10:11:12.464757833Z\"}},"
				+ "\"metadata\":{\"message_id\":\"befa7b53\",\"message_type\":\"notification\","
				+ "\"message_timestamp\":\"2022-11-16T10:11:12.464757833Z\",\"subscription_type\":\"channel.cheer\","
				+ "\"subscription_version\":\"1\"}}");
		EventSubFrame.Notification notification = (EventSubFrame.Notification) frame;
		assertThat(notification.event()).isEqualTo(event);
		assertThat(notification.subscriptionId()).isEqualTo("f1c2a387");
		assertThat(notification.type()).isEqualTo("channel.cheer");
		assertThat(notification.condition()).isEqualTo(Map.of("broadcaster_user_id", "1337"));
		assertThat(notification.toString()).doesNotContain("champ");
	}

	@Test
	void readsKeepaliveReconnectRevocationAndUnknownTypes() {
		assertThat(EventSubFrames.parse(frame("session_keepalive", "{}"))).isInstanceOf(EventSubFrame.Keepalive.class);
		assertThat(EventSubFrames.parse(frame("session_reconnect",
				"{\"session\":{\"id\":\"S\",\"status\":\"reconnecting\",\"keepalive_timeout_seconds\":null,"
						+ "\"reconnect_url\":\"wss://eventsub.wss.twitch.tv?x=1\"}}")))
			.isEqualTo(new EventSubFrame.Reconnect("m", Instant.parse("2022-11-16T10:11:12.4Z"), "S",
					"wss://eventsub.wss.twitch.tv?x=1"));
		assertThat(EventSubFrames.parse(frame("revocation",
				"{\"subscription\":{\"id\":\"X\",\"status\":\"authorization_revoked\",\"type\":\"channel.cheer\","
						+ "\"version\":\"1\",\"condition\":{\"broadcaster_user_id\":\"1\"}}}")))
			.isEqualTo(new EventSubFrame.Revocation("m", Instant.parse("2022-11-16T10:11:12.4Z"), "X", "channel.cheer",
					"1", "authorization_revoked"));
		assertThat(EventSubFrames.parse(frame("session_disconnect", "{}")))
			.isEqualTo(new EventSubFrame.Unknown("m", Instant.parse("2022-11-16T10:11:12.4Z"), "session_disconnect"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "{", "{\"metadata\":{}}", "{\"metadata\":{\"message_id\":\"m\"}}",
			"{\"metadata\":{\"message_id\":\"m\",\"message_type\":\"notification\",\"message_timestamp\":\"yesterday\"},\"payload\":{}}",
			"{\"metadata\":{\"message_id\":\"m\",\"message_type\":\"notification\",\"message_timestamp\":\"2022-11-16T10:11:12Z\"},\"payload\":{\"subscription\":{\"id\":\"x\",\"type\":\"t\",\"version\":\"1\"}}}",
			"{\"metadata\":{\"message_id\":\"m\",\"message_type\":\"session_welcome\",\"message_timestamp\":\"2022-11-16T10:11:12Z\"},\"payload\":{}}",
			"{\"metadata\":{\"message_id\":\"m\",\"message_type\":\"session_keepalive\",\"message_timestamp\":\"2022-11-16T10:11:12Z\"},\"payload\":{}} x" })
	void rejectsWhatIsNoUsableFrameWithoutQuotingIt(String text) {
		assertThatExceptionOfType(MalformedFrameException.class).isThrownBy(() -> EventSubFrames.parse(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("yesterday"));
	}

	private static String frame(String type, String payload) {
		return "{\"metadata\":{\"message_id\":\"m\",\"message_type\":\"" + type
				+ "\",\"message_timestamp\":\"2022-11-16T10:11:12.4Z\"},\"payload\":" + payload + "}";
	}

}
