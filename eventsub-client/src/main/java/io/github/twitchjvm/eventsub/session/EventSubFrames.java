package io.github.twitchjvm.eventsub.session;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twitchjvm.core.json.JsonScanner;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import org.jspecify.annotations.Nullable;

/**
 * Reads the frames an EventSub server sends, in one streaming pass without building a
 * tree. Keys are matched in any order ({@code payload} may come before {@code metadata})
 * and unknown keys are skipped. A notification's {@code event} is kept as the exact text
 * it arrived as, cut out of the frame: decoding it into a typed event is left to the
 * handler's thread, and only when a handler wants it.
 */
public final class EventSubFrames {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
		.build();

	private EventSubFrames() {
	}

	/**
	 * Parses one frame.
	 * @param text the text of one WebSocket message
	 * @return the frame; an unknown {@code message_type} gives
	 * {@link EventSubFrame.Unknown}
	 * @throws MalformedFrameException if the text is not one JSON object with the
	 * metadata and payload its type needs
	 */
	public static EventSubFrame parse(String text) {
		Fields usual = UsualShape.read(text);
		return (usual != null) ? usual.toFrame() : parseAnyShape(text);
	}

	/** For tests: whether the fast path reads the frame itself. */
	static boolean readsFast(String text) {
		return UsualShape.read(text) != null;
	}

	/**
	 * Parses one frame of any shape; {@link #parse(String)} without its fast path.
	 */
	static EventSubFrame parseAnyShape(String text) {
		Fields fields = new Fields();
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedFrameException("not a JSON object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "metadata" -> fields.readMetadata(parser, token);
					case "payload" -> fields.readPayload(parser, token, text);
					default -> parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new MalformedFrameException("content after the JSON object");
			}
		}
		catch (JacksonException ex) {
			throw new MalformedFrameException("not valid JSON", ex);
		}
		return fields.toFrame();
	}

	/**
	 * The fast path for the frames Twitch sends: one {@link JsonScanner} pass that skips
	 * the event without tokenizing it into names and strings (the general parser
	 * canonicalizes every name it meets, which was most of a notification's cost on the
	 * reading thread). It gives up on any value of another JSON type than the usual one,
	 * and on text that is not valid JSON, leaving the frame to the general parser, which
	 * reads it with its own rules and errors; so both fill the same fields for every
	 * frame the fast path reads.
	 */
	private static final class UsualShape {

		private UsualShape() {
		}

		static @Nullable Fields read(String text) {
			try {
				return frame(new JsonScanner(text));
			}
			catch (RuntimeException ex) {
				if (ex == JsonScanner.GIVE_UP) {
					return null;
				}
				throw ex;
			}
		}

		private static Fields frame(JsonScanner json) {
			Fields fields = new Fields();
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("metadata")) {
					metadata(json, fields);
				}
				else if (json.nameIs("payload")) {
					payload(json, fields);
				}
				else {
					json.skipValue();
				}
			}
			json.end();
			return fields;
		}

		private static void metadata(JsonScanner json, Fields fields) {
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("message_id")) {
					fields.messageId = json.string();
				}
				else if (json.nameIs("message_type")) {
					fields.messageType = json.string();
				}
				else if (json.nameIs("message_timestamp")) {
					fields.timestamp = json.string();
				}
				else {
					json.skipValue();
				}
			}
		}

		private static void payload(JsonScanner json, Fields fields) {
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("session")) {
					session(json, fields);
				}
				else if (json.nameIs("subscription")) {
					subscription(json, fields);
				}
				else if (json.nameIs("event")) {
					if (json.peek() != '{') {
						throw JsonScanner.GIVE_UP;
					}
					fields.event = json.rawValue();
				}
				else {
					json.skipValue();
				}
			}
		}

		private static void session(JsonScanner json, Fields fields) {
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("id")) {
					fields.sessionId = json.string();
				}
				else if (json.nameIs("keepalive_timeout_seconds")) {
					fields.keepaliveSeconds = json.nullValue() ? -1 : json.intValue();
				}
				else if (json.nameIs("reconnect_url")) {
					fields.reconnectUrl = json.nullValue() ? null : json.string();
				}
				else {
					json.skipValue();
				}
			}
		}

		private static void subscription(JsonScanner json, Fields fields) {
			json.beginObject();
			while (json.nextName()) {
				if (json.nameIs("id")) {
					fields.subscriptionId = json.string();
				}
				else if (json.nameIs("status")) {
					fields.subscriptionStatus = json.string();
				}
				else if (json.nameIs("type")) {
					fields.subscriptionType = json.string();
				}
				else if (json.nameIs("version")) {
					fields.subscriptionVersion = json.string();
				}
				else if (json.nameIs("condition")) {
					Map<String, String> condition = new LinkedHashMap<>();
					json.beginObject();
					while (json.nextName()) {
						String key = json.name();
						condition.put(key, json.string());
					}
					fields.condition = condition;
				}
				else {
					json.skipValue();
				}
			}
		}

	}

	/** What one pass over a frame found. */
	private static final class Fields {

		private @Nullable String messageId;

		private @Nullable String messageType;

		private @Nullable String timestamp;

		private @Nullable String sessionId;

		private int keepaliveSeconds = -1;

		private @Nullable String reconnectUrl;

		private @Nullable String subscriptionId;

		private @Nullable String subscriptionStatus;

		private @Nullable String subscriptionType;

		private @Nullable String subscriptionVersion;

		private Map<String, String> condition = Map.of();

		private @Nullable String event;

		void readMetadata(JsonParser parser, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				throw new MalformedFrameException("metadata is not an object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "message_id" -> this.messageId = string(parser, value);
					case "message_type" -> this.messageType = string(parser, value);
					case "message_timestamp" -> this.timestamp = string(parser, value);
					// subscription_type/_version repeat the payload's subscription.
					default -> parser.skipChildren();
				}
			}
		}

		void readPayload(JsonParser parser, JsonToken token, String text) {
			if (token != JsonToken.START_OBJECT) {
				throw new MalformedFrameException("payload is not an object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "session" -> readSession(parser, value);
					case "subscription" -> readSubscription(parser, value);
					case "event" -> this.event = rawObject(parser, value, text);
					default -> parser.skipChildren();
				}
			}
		}

		private void readSession(JsonParser parser, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return;
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "id" -> this.sessionId = string(parser, value);
					case "keepalive_timeout_seconds" ->
						this.keepaliveSeconds = (value == JsonToken.VALUE_NUMBER_INT) ? parser.getIntValue() : -1;
					case "reconnect_url" -> this.reconnectUrl = string(parser, value);
					default -> parser.skipChildren();
				}
			}
		}

		private void readSubscription(JsonParser parser, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return;
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "id" -> this.subscriptionId = string(parser, value);
					case "status" -> this.subscriptionStatus = string(parser, value);
					case "type" -> this.subscriptionType = string(parser, value);
					case "version" -> this.subscriptionVersion = string(parser, value);
					case "condition" -> this.condition = condition(parser, value);
					default -> parser.skipChildren();
				}
			}
		}

		private static Map<String, String> condition(JsonParser parser, JsonToken token) {
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return Map.of();
			}
			Map<String, String> condition = new LinkedHashMap<>();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				String value = string(parser, parser.nextToken());
				if (value != null) {
					condition.put(name, value);
				}
			}
			return condition;
		}

		/** The object's exact text, cut out of the frame by the parser's offsets. */
		private static @Nullable String rawObject(JsonParser parser, JsonToken token, String text) {
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return null;
			}
			int start = (int) parser.currentTokenLocation().getCharOffset();
			parser.skipChildren();
			int end = (int) parser.currentLocation().getCharOffset();
			return text.substring(start, end);
		}

		private static @Nullable String string(JsonParser parser, @Nullable JsonToken token) {
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			parser.skipChildren();
			return null;
		}

		EventSubFrame toFrame() {
			String id = require(this.messageId, "metadata.message_id");
			String type = require(this.messageType, "metadata.message_type");
			Instant at = timestamp(require(this.timestamp, "metadata.message_timestamp"));
			return switch (type) {
				case "session_welcome" ->
					new EventSubFrame.Welcome(id, at, require(this.sessionId, "payload.session.id"),
							(this.keepaliveSeconds > 0) ? this.keepaliveSeconds : 10);
				case "session_keepalive" -> new EventSubFrame.Keepalive(id, at);
				case "notification" ->
					new EventSubFrame.Notification(id, at, require(this.subscriptionId, "payload.subscription.id"),
							require(this.subscriptionType, "payload.subscription.type"),
							require(this.subscriptionVersion, "payload.subscription.version"), this.condition,
							require(this.event, "payload.event object"));
				case "session_reconnect" ->
					new EventSubFrame.Reconnect(id, at, require(this.sessionId, "payload.session.id"),
							require(this.reconnectUrl, "payload.session.reconnect_url"));
				case "revocation" ->
					new EventSubFrame.Revocation(id, at, require(this.subscriptionId, "payload.subscription.id"),
							require(this.subscriptionType, "payload.subscription.type"),
							require(this.subscriptionVersion, "payload.subscription.version"),
							require(this.subscriptionStatus, "payload.subscription.status"));
				default -> new EventSubFrame.Unknown(id, at, type);
			};
		}

		private static Instant timestamp(String text) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeException ex) {
				throw new MalformedFrameException("metadata.message_timestamp is not an RFC 3339 time", ex);
			}
		}

		private static String require(@Nullable String value, String what) {
			if (value == null) {
				throw new MalformedFrameException("no string " + what);
			}
			return value;
		}

	}

}
