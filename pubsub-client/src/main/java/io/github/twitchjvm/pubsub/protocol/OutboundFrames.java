package io.github.twitchjvm.pubsub.protocol;

import java.io.StringWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

import org.jspecify.annotations.Nullable;

/**
 * Writes the frames the client sends: LISTEN, UNLISTEN and PING.
 *
 * <p>
 * Each request names a single topic because the server answers a whole request with one
 * RESPONSE: one rejected topic in a batch would fail all of them without saying which.
 */
public final class OutboundFrames {

	private static final String PING = "{\"type\":\"PING\"}";

	// Room for the fixed parts of a LISTEN frame, so that a typical frame needs no buffer
	// growth.
	private static final int FIXED_LENGTH = 80;

	private OutboundFrames() {
	}

	/**
	 * Writes a LISTEN frame for one topic.
	 * @param nonce the request's nonce, echoed in the server's RESPONSE
	 * @param topic the topic to listen to
	 * @param authToken the bare user access token (no {@code oauth:} or {@code Bearer}
	 * prefix), written as given; {@code null} to leave {@code auth_token} out
	 * @return {@code {"type":"LISTEN","nonce":…,"data":{"topics":[…],"auth_token":…}}}
	 */
	public static String listen(String nonce, String topic, @Nullable String authToken) {
		return request("LISTEN", nonce, topic, authToken);
	}

	/**
	 * Writes an UNLISTEN frame for one topic. It carries no {@code auth_token}, as
	 * working clients sent it.
	 * @param nonce the request's nonce, echoed in the server's RESPONSE
	 * @param topic the topic to stop listening to
	 * @return {@code {"type":"UNLISTEN","nonce":…,"data":{"topics":[…]}}}
	 */
	public static String unlisten(String nonce, String topic) {
		return request("UNLISTEN", nonce, topic, null);
	}

	/**
	 * Returns the PING frame.
	 * @return {@code {"type":"PING"}}
	 */
	public static String ping() {
		return PING;
	}

	private static String request(String type, String nonce, String topic, @Nullable String authToken) {
		int tokenLength = (authToken != null) ? authToken.length() : 0;
		StringWriter json = new StringWriter(FIXED_LENGTH + nonce.length() + topic.length() + tokenLength);
		try (JsonGenerator generator = FrameJson.FACTORY.createGenerator(ObjectWriteContext.empty(), json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", type);
			generator.writeStringProperty("nonce", nonce);
			generator.writeName("data");
			generator.writeStartObject();
			generator.writeName("topics");
			generator.writeStartArray();
			generator.writeString(topic);
			generator.writeEndArray();
			if (authToken != null) {
				generator.writeStringProperty("auth_token", authToken);
			}
			generator.writeEndObject();
			generator.writeEndObject();
		}
		return json.toString();
	}

}
