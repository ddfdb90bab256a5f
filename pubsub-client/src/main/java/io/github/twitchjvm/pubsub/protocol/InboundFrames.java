package io.github.twitchjvm.pubsub.protocol;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the frames the server sends.
 *
 * <p>
 * This runs on the socket's reading thread for every frame, so it makes a single
 * streaming pass over the text without building a tree. Keys are matched by name in any
 * order (real servers wrote RESPONSE as {@code type, error, nonce}, the docs as
 * {@code type, nonce, error}) and unknown keys are skipped.
 */
public final class InboundFrames {

	// Records without components are all equal, so one instance each spares an allocation
	// per keep-alive.
	private static final InboundFrame.Pong PONG = new InboundFrame.Pong();

	private static final InboundFrame.Reconnect RECONNECT = new InboundFrame.Reconnect();

	private InboundFrames() {
	}

	/**
	 * Parses one frame.
	 *
	 * <p>
	 * A RESPONSE's missing or non-string {@code nonce} reads as {@code ""}, and a missing
	 * or {@code null} {@code error} as {@code ""} (success); an {@code error} of another
	 * JSON kind reads as its JSON text, so that it still fails the request. A MESSAGE's
	 * {@code data.message} that is an object or array (as Twitch's docs printed it) reads
	 * as that value in compact JSON text. An unknown {@code type} gives
	 * {@link InboundFrame.Unknown}.
	 * @param text the text of one WebSocket frame
	 * @return the frame
	 * @throws MalformedFrameException if the text is not exactly one JSON object, has no
	 * string {@code type}, is a MESSAGE without a string {@code data.topic} or without a
	 * string or structured {@code data.message}, or is an AUTH_REVOKED without a
	 * {@code data.topics} array of strings
	 */
	public static InboundFrame parse(String text) {
		FrameFields fields = new FrameFields();
		try (JsonParser parser = FrameJson.FACTORY.createParser(ObjectReadContext.empty(), text)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_OBJECT) {
				throw new MalformedFrameException((first != null) ? "not a JSON object" : "empty frame");
			}
			fields.readFrame(parser);
			if (parser.nextToken() != null) {
				throw new MalformedFrameException("content after the JSON object");
			}
		}
		catch (StreamConstraintsException ex) {
			throw new MalformedFrameException("exceeds the JSON parser's limits", ex);
		}
		catch (JacksonException ex) {
			throw new MalformedFrameException("not valid JSON" + where(ex), ex);
		}
		return fields.toFrame(text);
	}

	private static String where(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	/**
	 * What one pass over a frame found. Fields of every frame type are collected because
	 * {@code type} may come after {@code data}; frame types are checked only at the end.
	 */
	private static final class FrameFields {

		private @Nullable String type;

		private boolean typeNotString;

		private @Nullable String nonce;

		private @Nullable String error;

		private @Nullable String topic;

		private @Nullable String message;

		private @Nullable List<String> topics;

		void readFrame(JsonParser parser) {
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "type" -> readType(parser, token);
					case "nonce" -> this.nonce = stringOrSkip(parser, token);
					case "error" -> this.error = errorText(parser, token);
					case "data" -> readData(parser, token);
					default -> parser.skipChildren();
				}
			}
		}

		private void readType(JsonParser parser, JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				this.type = parser.getString();
				this.typeNotString = false;
			}
			else {
				parser.skipChildren();
				this.type = null;
				this.typeNotString = true;
			}
		}

		private void readData(JsonParser parser, JsonToken token) {
			// Usually type came first: then frames whose data is of no use are skipped
			// without reading it.
			if (token != JsonToken.START_OBJECT || (this.type != null && !usesData(this.type))) {
				parser.skipChildren();
				return;
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "topic" -> this.topic = stringOrSkip(parser, value);
					case "message" -> this.message = messageText(parser, value);
					case "topics" -> this.topics = readTopics(parser, value);
					default -> parser.skipChildren();
				}
			}
		}

		private static boolean usesData(String type) {
			return "MESSAGE".equals(type) || "AUTH_REVOKED".equals(type);
		}

		private static @Nullable String stringOrSkip(JsonParser parser, JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			parser.skipChildren();
			return null;
		}

		private static @Nullable String messageText(JsonParser parser, JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				return compactJson(parser);
			}
			return null;
		}

		private static @Nullable String errorText(JsonParser parser, JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				return compactJson(parser);
			}
			// A number or boolean is no documented code, but reading it as success would
			// hide a failed request.
			return (token != JsonToken.VALUE_NULL) ? parser.getString() : null;
		}

		private static String compactJson(JsonParser parser) {
			StringWriter json = new StringWriter(256);
			try (JsonGenerator generator = FrameJson.FACTORY.createGenerator(ObjectWriteContext.empty(), json)) {
				// Exact, so that decimals in the inner message survive the round trip
				// unchanged.
				generator.copyCurrentStructureExact(parser);
			}
			return json.toString();
		}

		private static @Nullable List<String> readTopics(JsonParser parser, JsonToken token) {
			if (token != JsonToken.START_ARRAY) {
				parser.skipChildren();
				return null;
			}
			List<String> list = new ArrayList<>(1);
			boolean allStrings = true;
			for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
				if (element == JsonToken.VALUE_STRING) {
					list.add(parser.getString());
				}
				else {
					parser.skipChildren();
					allStrings = false;
				}
			}
			return allStrings ? list : null;
		}

		InboundFrame toFrame(String text) {
			String type = this.type;
			if (type == null) {
				throw new MalformedFrameException(this.typeNotString ? "'type' is not a string" : "no 'type'");
			}
			return switch (type) {
				case "MESSAGE" -> message();
				case "RESPONSE" -> new InboundFrame.Response((this.nonce != null) ? this.nonce : "",
						(this.error != null) ? this.error : "");
				case "PONG" -> PONG;
				case "RECONNECT" -> RECONNECT;
				case "AUTH_REVOKED" -> authRevoked();
				default -> new InboundFrame.Unknown(type, text);
			};
		}

		private InboundFrame.Message message() {
			if (this.topic == null) {
				throw new MalformedFrameException("MESSAGE without data.topic");
			}
			if (this.message == null) {
				throw new MalformedFrameException("MESSAGE without data.message");
			}
			return new InboundFrame.Message(this.topic, this.message);
		}

		private InboundFrame.AuthRevoked authRevoked() {
			if (this.topics == null) {
				throw new MalformedFrameException("AUTH_REVOKED without a data.topics array of strings");
			}
			return new InboundFrame.AuthRevoked(this.topics);
		}

	}

}
