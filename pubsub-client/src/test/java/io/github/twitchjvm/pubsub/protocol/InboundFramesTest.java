package io.github.twitchjvm.pubsub.protocol;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every server frame, in the shapes the docs and real servers used. */
class InboundFramesTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void parsesPong() {
		assertThat(InboundFrames.parse("{\"type\":\"PONG\"}")).isEqualTo(new InboundFrame.Pong());
	}

	@Test
	void parsesReconnect() {
		assertThat(InboundFrames.parse("{\"type\":\"RECONNECT\"}")).isEqualTo(new InboundFrame.Reconnect());
	}

	@Test
	void parsesResponseInTheOrderRealServersUsed() {
		String frame = "{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":\"44h1k13746815ab1r2\"}";
		InboundFrame.Response response = (InboundFrame.Response) InboundFrames.parse(frame);
		assertThat(response.nonce()).isEqualTo("44h1k13746815ab1r2");
		assertThat(response.error()).isEmpty();
		assertThat(response.isSuccess()).isTrue();
	}

	@Test
	void parsesResponseInTheOrderTheDocsUsed() {
		String frame = "{\"type\":\"RESPONSE\",\"nonce\":\"44h1k13746815ab1r2\",\"error\":\"ERR_BADAUTH\"}";
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Response("44h1k13746815ab1r2", "ERR_BADAUTH"))
			.satisfies((frameRead) -> assertThat(((InboundFrame.Response) frameRead).isSuccess()).isFalse());
	}

	@Test
	void parsesResponseWithTypeLast() {
		assertThat(InboundFrames.parse("{\"nonce\":\"n1\",\"error\":\"ERR_BADTOPIC\",\"type\":\"RESPONSE\"}"))
			.isEqualTo(new InboundFrame.Response("n1", "ERR_BADTOPIC"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"RESPONSE\",\"error\":\"\"}",
			"{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":null}",
			"{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":42}",
			"{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":{\"id\":\"n1\"}}" })
	void readsAMissingOrNonStringNonceAsEmpty(String frame) {
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Response("", ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"RESPONSE\",\"nonce\":\"n1\"}",
			"{\"type\":\"RESPONSE\",\"error\":null,\"nonce\":\"n1\"}" })
	void readsAMissingOrNullErrorAsSuccess(String frame) {
		InboundFrame.Response response = (InboundFrame.Response) InboundFrames.parse(frame);
		assertThat(response).isEqualTo(new InboundFrame.Response("n1", ""));
		assertThat(response.isSuccess()).isTrue();
	}

	@Test
	void readsAnErrorOfAnotherKindAsAFailure() {
		InboundFrame.Response response = (InboundFrame.Response) InboundFrames
			.parse("{\"type\":\"RESPONSE\",\"error\":500,\"nonce\":\"n1\"}");
		assertThat(response.error()).isEqualTo("500");
		assertThat(response.isSuccess()).isFalse();
	}

	@Test
	void parsesMessage() {
		String frame = "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"channel-bits-events-v2.44322889\","
				+ "\"message\":\"{\\\"message_type\\\":\\\"bits_event\\\",\\\"version\\\":\\\"1.0\\\"}\"}}";
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Message("channel-bits-events-v2.44322889",
				"{\"message_type\":\"bits_event\",\"version\":\"1.0\"}"));
	}

	@Test
	void parsesMessageWithEscapedQuotesAndUnicode() {
		String frame = "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\",\"message\":"
				+ "\"{\\\"body\\\":\\\"say \\\\\\\"hi\\\\\\\" caf\\u00e9 \\ud83d\\ude00\\\"}\"}}";
		InboundFrame.Message message = (InboundFrame.Message) InboundFrames.parse(frame);
		assertThat(message.message()).isEqualTo("{\"body\":\"say \\\"hi\\\" caf\u00e9 \ud83d\ude00\"}");
		assertThat(JSON.readTree(message.message()).get("body").stringValue())
			.isEqualTo("say \"hi\" caf\u00e9 \ud83d\ude00");
	}

	@Test
	void parsesMessageWithDataBeforeTypeAndUnknownKeys() {
		String frame = "{\"data\":{\"extra\":[1,{\"a\":null}],\"message\":\"{}\",\"topic\":\"whispers.1\"},"
				+ "\"zz_new\":{\"deep\":{\"x\":[true]}},\"type\":\"MESSAGE\"}";
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Message("whispers.1", "{}"));
	}

	@Test
	void parsesMessageWhoseMessageIsAnObjectAsTheDocsPrintedIt() {
		String frame = """
				{
				  "type": "MESSAGE",
				  "data": {
				    "topic": "channel-bits-events-v1.44322889",
				    "message": {
				      "data": { "user_name": "dallas", "bits_used": 10000, "ratio": 1.10, "badge": null },
				      "version": "1.0",
				      "tags": ["a\\"b", "\\u00e9"]
				    }
				  }
				}
				""";
		InboundFrame.Message message = (InboundFrame.Message) InboundFrames.parse(frame);
		assertThat(message.topic()).isEqualTo("channel-bits-events-v1.44322889");
		assertThat(message.message()).isEqualTo("{\"data\":{\"user_name\":\"dallas\",\"bits_used\":10000,"
				+ "\"ratio\":1.10,\"badge\":null},\"version\":\"1.0\",\"tags\":[\"a\\\"b\",\"\u00e9\"]}");
	}

	@Test
	void parsesMessageWhoseMessageIsAnArray() {
		String frame = "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"t.1\",\"message\":[1, \"x\"]}}";
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Message("t.1", "[1,\"x\"]"));
	}

	@Test
	void parsesMessageLargerThan64Kilobytes() {
		String body = "x\"\\\u00e9".repeat(20_000);
		String inner = JSON.writeValueAsString(Map.of("type", "whisper_received", "body", body));
		String frame = JSON
			.writeValueAsString(Map.of("type", "MESSAGE", "data", Map.of("topic", "whispers.1", "message", inner)));
		assertThat(frame.length()).isGreaterThan(64 * 1024);
		InboundFrame.Message message = (InboundFrame.Message) InboundFrames.parse(frame);
		assertThat(message.topic()).isEqualTo("whispers.1");
		assertThat(message.message()).isEqualTo(inner);
		assertThat(JSON.readTree(message.message()).get("body").stringValue()).isEqualTo(body);
	}

	@Test
	void parsesAuthRevoked() {
		String frame = "{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":[\"channel-bits-events-v1.44322889\","
				+ "\"whispers.44322889\"]}}";
		assertThat(InboundFrames.parse(frame))
			.isEqualTo(new InboundFrame.AuthRevoked(List.of("channel-bits-events-v1.44322889", "whispers.44322889")));
	}

	@Test
	void parsesAuthRevokedWithDataFirstAndNoTopics() {
		InboundFrame.AuthRevoked revoked = (InboundFrame.AuthRevoked) InboundFrames
			.parse("{\"data\":{\"topics\":[]},\"type\":\"AUTH_REVOKED\"}");
		assertThat(revoked.topics()).isEmpty();
	}

	@Test
	void authRevokedTopicsAreImmutable() {
		InboundFrame.AuthRevoked revoked = (InboundFrame.AuthRevoked) InboundFrames
			.parse("{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":[\"whispers.1\"]}}");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> revoked.topics().add("whispers.2"));
	}

	@Test
	void keepsAnUnknownTypeWithItsText() {
		String frame = "{\"type\":\"SOMETHING_NEW\",\"data\":{\"topic\":5,\"anything\":[1,2]}}";
		assertThat(InboundFrames.parse(frame)).isEqualTo(new InboundFrame.Unknown("SOMETHING_NEW", frame));
	}

	@Test
	void toStringLeavesOutMessageContent() {
		String secret = "{\"body\":\"private words\"}";
		InboundFrame.Message message = new InboundFrame.Message("whispers.1", secret);
		assertThat(message.toString()).contains("whispers.1")
			.contains(String.valueOf(secret.length()))
			.doesNotContain("private words");
		String frame = "{\"type\":\"NEW\",\"data\":\"private words\"}";
		assertThat(InboundFrames.parse(frame).toString()).contains("NEW").doesNotContain("private words");
	}

	@Test
	void toStringOfTheOtherFramesNamesTheirFields() {
		assertThat(new InboundFrame.Response("n1", "ERR_BADAUTH").toString()).contains("n1").contains("ERR_BADAUTH");
		assertThat(new InboundFrame.AuthRevoked(List.of("whispers.1")).toString()).contains("whispers.1");
		assertThat(new InboundFrame.Pong().toString()).isEqualTo("Pong[]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"PONG\"", "{\"type\": oops}", "{'type':'PONG'}", "{\"type\":\"PONG\"}x",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"t.1\",\"message\":{\"a\":}}}",
			// The 2016 docs' RESPONSE example, trailing comma included.
			"{\"type\":\"RESPONSE\",\"nonce\":\"44h1k13746815ab1r2\",\"error\":\"\",}" })
	void rejectsTextThatIsNotJson(String frame) {
		assertThatExceptionOfType(MalformedFrameException.class).isThrownBy(() -> InboundFrames.parse(frame))
			.withMessageStartingWith("not valid JSON")
			.withMessageNotContaining(frame)
			.withCauseInstanceOf(JacksonException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[\"type\",\"PONG\"]", "\"PONG-frame\"", "4242", "null", "true" })
	void rejectsJsonThatIsNotAnObject(String frame) {
		assertMalformed(frame, "not a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void rejectsAnEmptyFrame(String frame) {
		assertThatExceptionOfType(MalformedFrameException.class).isThrownBy(() -> InboundFrames.parse(frame))
			.withMessage("empty frame");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"PONG\"} {\"type\":\"PONG\"}", "{\"type\":\"PONG\"}[]",
			"{\"type\":\"PONG\"}\"tail\"" })
	void rejectsContentAfterTheObject(String frame) {
		assertMalformed(frame, "content after the JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"nonce\":\"n1\",\"error\":\"\"}", "{\"data\":{\"type\":\"PONG\"}}" })
	void rejectsAFrameWithoutType(String frame) {
		assertMalformed(frame, "no 'type'");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{\"type\":null}", "{\"type\":5}", "{\"type\":{\"name\":\"PONG\"}}", "{\"type\":[\"PONG\"]}" })
	void rejectsATypeThatIsNotAString(String frame) {
		assertMalformed(frame, "'type' is not a string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"MESSAGE\"}", "{\"type\":\"MESSAGE\",\"data\":null}",
			"{\"type\":\"MESSAGE\",\"data\":\"topic-and-message\"}",
			"{\"type\":\"MESSAGE\",\"data\":{\"message\":\"{}\"}}",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":7,\"message\":\"{}\"}}",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":{\"name\":\"t.1\"},\"message\":\"{}\"}}",
			"{\"data\":{\"message\":\"{}\"},\"type\":\"MESSAGE\"}" })
	void rejectsAMessageWithoutTopic(String frame) {
		assertMalformed(frame, "MESSAGE without data.topic");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\"}}",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\",\"message\":null}}",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\",\"message\":12345}}",
			"{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\",\"message\":false}}" })
	void rejectsAMessageWithoutMessage(String frame) {
		assertMalformed(frame, "MESSAGE without data.message");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"AUTH_REVOKED\"}", "{\"type\":\"AUTH_REVOKED\",\"data\":{}}",
			"{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":null}}",
			"{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":\"whispers.1\"}}",
			"{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":[\"whispers.1\",7]}}",
			"{\"type\":\"AUTH_REVOKED\",\"data\":{\"topics\":[null]}}",
			"{\"data\":{\"topics\":[\"whispers.1\",{\"t\":[1]}]},\"type\":\"AUTH_REVOKED\"}" })
	void rejectsAnAuthRevokedWithoutTopics(String frame) {
		assertMalformed(frame, "AUTH_REVOKED without a data.topics array of strings");
	}

	@Test
	void malformedFrameMessagesLeaveOutLargeFrames() {
		String frame = "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"whispers.1\",\"message\":\"" + "y".repeat(100_000)
				+ "\",}}";
		assertThatExceptionOfType(MalformedFrameException.class).isThrownBy(() -> InboundFrames.parse(frame))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(100).doesNotContain("yyyy"));
	}

	@Test
	void parsesFramesOneAfterAnother() {
		// One frame of each kind in a row, as a connection would read them, to catch
		// state leaking between calls.
		String[] frames = { "{\"type\":\"PONG\"}", "{\"type\":\"RESPONSE\",\"error\":\"\",\"nonce\":\"a\"}",
				"{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"t.1\",\"message\":\"{}\"}}", "{\"type\":\"RECONNECT\"}" };
		for (int i = 0; i < 3; i++) {
			assertThat(InboundFrames.parse(frames[0])).isInstanceOf(InboundFrame.Pong.class);
			assertThat(InboundFrames.parse(frames[1])).isEqualTo(new InboundFrame.Response("a", ""));
			assertThat(InboundFrames.parse(frames[2])).isEqualTo(new InboundFrame.Message("t.1", "{}"));
			assertThat(InboundFrames.parse(frames[3])).isInstanceOf(InboundFrame.Reconnect.class);
		}
	}

	private static void assertMalformed(String frame, String message) {
		assertThatExceptionOfType(MalformedFrameException.class).isThrownBy(() -> InboundFrames.parse(frame))
			.withMessage(message)
			.withMessageNotContaining(frame);
	}

}
