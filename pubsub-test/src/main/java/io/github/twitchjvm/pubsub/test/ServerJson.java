package io.github.twitchjvm.pubsub.test;

import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * The frames the server sends, written field by field in the real server's key order, and
 * token masking.
 */
final class ServerJson {

	/** Snake case like Twitch's own JSON, for the control API's answers too. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	static final String PONG = "{\"type\":\"PONG\"}";

	static final String RECONNECT = "{\"type\":\"RECONNECT\"}";

	private static final Pattern AUTH_TOKEN = Pattern.compile("(\"auth_token\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

	private ServerJson() {
	}

	/**
	 * {@code {"type":"RESPONSE","error":...,"nonce":...}}: the order captured from the
	 * real server.
	 */
	static String response(String error, String nonce) {
		StringWriter json = new StringWriter(64);
		try (JsonGenerator generator = MAPPER.createGenerator(json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", "RESPONSE");
			generator.writeStringProperty("error", error);
			generator.writeStringProperty("nonce", nonce);
			generator.writeEndObject();
		}
		return json.toString();
	}

	/**
	 * {@code {"type":"MESSAGE","data":{"topic":...,"message":"<inner JSON as a
	 * string>"}}}.
	 */
	static String message(String topic, String message) {
		StringWriter json = new StringWriter(message.length() + topic.length() + 64);
		try (JsonGenerator generator = MAPPER.createGenerator(json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", "MESSAGE");
			generator.writeName("data");
			generator.writeStartObject();
			generator.writeStringProperty("topic", topic);
			generator.writeStringProperty("message", message);
			generator.writeEndObject();
			generator.writeEndObject();
		}
		return json.toString();
	}

	/** {@code {"type":"AUTH_REVOKED","data":{"topics":[...]}}}. */
	static String authRevoked(List<String> topics) {
		StringWriter json = new StringWriter(64);
		try (JsonGenerator generator = MAPPER.createGenerator(json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", "AUTH_REVOKED");
			generator.writeName("data");
			generator.writeStartObject();
			generator.writeName("topics");
			generator.writeStartArray();
			for (String topic : topics) {
				generator.writeString(topic);
			}
			generator.writeEndArray();
			generator.writeEndObject();
			generator.writeEndObject();
		}
		return json.toString();
	}

	/** Replaces every {@code auth_token} value, even in text that is not valid JSON. */
	static String maskTokens(String frame) {
		return AUTH_TOKEN.matcher(frame).replaceAll("$1***$3");
	}

	static String text(@Nullable Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
