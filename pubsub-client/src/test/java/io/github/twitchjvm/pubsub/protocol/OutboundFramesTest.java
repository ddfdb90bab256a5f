package io.github.twitchjvm.pubsub.protocol;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's frames, byte for byte where the shape matters and parsed back where
 * escaping does.
 */
class OutboundFramesTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void writesListen() {
		assertThat(OutboundFrames.listen("n1", "channel-bits-events-v2.44322889", "cfabdegwdoklmawdzdo98xt2fo512y"))
			.isEqualTo(
					"{\"type\":\"LISTEN\",\"nonce\":\"n1\",\"data\":{\"topics\":[\"channel-bits-events-v2.44322889\"],"
							+ "\"auth_token\":\"cfabdegwdoklmawdzdo98xt2fo512y\"}}");
	}

	@Test
	void writesListenWithoutTokenWhenNoneIsGiven() {
		assertThat(OutboundFrames.listen("n1", "community-points-channel-v1.1", null)).isEqualTo(
				"{\"type\":\"LISTEN\",\"nonce\":\"n1\",\"data\":{\"topics\":[\"community-points-channel-v1.1\"]}}");
	}

	@Test
	void writesTheTokenAsGiven() {
		JsonNode frame = JSON.readTree(OutboundFrames.listen("n1", "whispers.1", "oauth:abc"));
		assertThat(frame.get("data").get("auth_token").stringValue()).isEqualTo("oauth:abc");
	}

	@Test
	void writesUnlistenWithoutToken() {
		assertThat(OutboundFrames.unlisten("n2", "whispers.44322889"))
			.isEqualTo("{\"type\":\"UNLISTEN\",\"nonce\":\"n2\",\"data\":{\"topics\":[\"whispers.44322889\"]}}");
	}

	@Test
	void writesPing() {
		assertThat(OutboundFrames.ping()).isEqualTo("{\"type\":\"PING\"}");
	}

	@Test
	void escapesQuotesAndBackslashes() {
		String topic = "we\"ird\\topic.1";
		String token = "to\"k\\en\u00e9\n";
		String nonce = "n\"1\\";
		String listen = OutboundFrames.listen(nonce, topic, token);
		assertThat(listen).contains("we\\\"ird\\\\topic.1").contains("to\\\"k\\\\en");
		JsonNode frame = JSON.readTree(listen);
		assertThat(frame.propertyNames()).containsExactly("type", "nonce", "data");
		assertThat(frame.get("type").stringValue()).isEqualTo("LISTEN");
		assertThat(frame.get("nonce").stringValue()).isEqualTo(nonce);
		assertThat(frame.get("data").propertyNames()).containsExactly("topics", "auth_token");
		assertThat(frame.get("data").get("topics").size()).isEqualTo(1);
		assertThat(frame.get("data").get("topics").get(0).stringValue()).isEqualTo(topic);
		assertThat(frame.get("data").get("auth_token").stringValue()).isEqualTo(token);

		JsonNode unlisten = JSON.readTree(OutboundFrames.unlisten(nonce, topic));
		assertThat(unlisten.get("type").stringValue()).isEqualTo("UNLISTEN");
		assertThat(unlisten.get("nonce").stringValue()).isEqualTo(nonce);
		assertThat(unlisten.get("data").propertyNames()).containsExactly("topics");
		assertThat(unlisten.get("data").get("topics").get(0).stringValue()).isEqualTo(topic);
	}

	@Test
	void framesParseAsSingleJsonObjects() {
		for (String frame : new String[] { OutboundFrames.listen(Nonces.next(), "whispers.1", "token"),
				OutboundFrames.unlisten(Nonces.next(), "whispers.1"), OutboundFrames.ping() }) {
			assertThat(JSON.readTree(frame).isObject()).isTrue();
			// The server sees these frames as unknown types of an inbound frame: the
			// shape is the same.
			assertThat(InboundFrames.parse(frame)).isInstanceOf(InboundFrame.Unknown.class);
		}
	}

}
