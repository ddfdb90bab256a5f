package io.github.twitchjvm.pubsub.message;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;

import io.github.twitchjvm.jackson.AbsentValues;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import org.jspecify.annotations.Nullable;

/**
 * The codec of bits v1 and v2: {@code {"data": {...}, "version": "1.0", "message_type":
 * "bits_event", "message_id": "..."}}. Twitch sends {@code data} first, so it is bound
 * before the discriminator is known; a message type other than {@code bits_event} (or
 * none) becomes {@link BitsEvent.Unknown} whatever its data looks like. A
 * {@code bits_event} whose {@code data} is missing, {@code null} or not an object is a
 * {@link BitsEvent.Cheer} with those fields absent.
 */
final class BitsCodec implements FamilyCodec<BitsEvent> {

	private static final String BITS_EVENT = "bits_event";

	private final ObjectMapper mapper;

	private final ObjectReader dataReader;

	BitsCodec(ObjectMapper mapper) {
		this.mapper = mapper;
		this.dataReader = PayloadJson.embeddedReader(mapper, CheerData.class);
	}

	@Override
	public BitsEvent decode(String json) {
		try {
			return decodeCheer(json);
		}
		catch (JacksonException ex) {
			// A data shape we cannot bind is fine for a message type we do not know.
			String type = messageTypeOf(json);
			if (!BITS_EVENT.equals(type)) {
				return new BitsEvent.Unknown(type, json);
			}
			throw ex;
		}
	}

	private BitsEvent decodeCheer(String json) {
		String version = null;
		String messageType = null;
		boolean typeSeen = false;
		String messageId = null;
		boolean topLevelAnonymous = false;
		CheerData data = null;
		try (JsonParser parser = this.mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedPayloadException("expected a JSON object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "data" -> data = (token != JsonToken.VALUE_NULL) ? this.dataReader.readValue(parser) : null;
					case "version" -> version = textOrNull(parser, token);
					case "message_type" -> {
						if (typeSeen) {
							throw MalformedPayloadException.duplicate("message_type");
						}
						typeSeen = true;
						messageType = textOrNull(parser, token);
					}
					case "message_id" -> messageId = textOrNull(parser, token);
					case "is_anonymous" -> {
						topLevelAnonymous = (token == JsonToken.VALUE_TRUE);
						parser.skipChildren();
					}
					default -> parser.skipChildren();
				}
			}
			TrailingContent.reject(parser);
		}
		if (!BITS_EVENT.equals(messageType)) {
			return new BitsEvent.Unknown(messageType, json);
		}
		if (data == null) {
			data = AbsentValues.of(CheerData.class);
		}
		return new BitsEvent.Cheer(messageId, version, data.userName(), data.channelName(), data.userId(),
				data.channelId(), data.time(), data.chatMessage(), data.bitsUsed(), data.totalBitsUsed(),
				Boolean.TRUE.equals(data.isAnonymous()) || topLevelAnonymous, data.context(), data.badgeEntitlement(),
				data.badgeTierEntitlement());
	}

	private static @Nullable String textOrNull(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	private @Nullable String messageTypeOf(String json) {
		JsonNode type = PayloadJson.singleObject(this.mapper, json).path("message_type");
		return type.isString() ? type.asString() : null;
	}

	@Override
	public String encode(BitsEvent payload) {
		return encode(payload, true);
	}

	/**
	 * Encodes a bits event.
	 * @param withAnonymousFlag whether to write {@code is_anonymous} (v2) or not (v1)
	 */
	String encode(BitsEvent payload, boolean withAnonymousFlag) {
		if (payload instanceof BitsEvent.Unknown unknown) {
			return unknown.json();
		}
		BitsEvent.Cheer cheer = (BitsEvent.Cheer) payload;
		CheerData data = new CheerData(cheer.userName(), cheer.channelName(), cheer.userId(), cheer.channelId(),
				cheer.time(), cheer.chatMessage(), cheer.bitsUsed(), cheer.totalBitsUsed(),
				withAnonymousFlag ? cheer.isAnonymous() : null, cheer.context(), cheer.badgeEntitlement(),
				cheer.badgeTierEntitlement());
		StringWriter json = new StringWriter(512);
		try (JsonGenerator generator = this.mapper.createGenerator(json)) {
			generator.writeStartObject();
			generator.writePOJOProperty("data", data);
			if (cheer.version() != null) {
				generator.writeStringProperty("version", cheer.version());
			}
			generator.writeStringProperty("message_type", BITS_EVENT);
			if (cheer.messageId() != null) {
				generator.writeStringProperty("message_id", cheer.messageId());
			}
			generator.writeEndObject();
		}
		return json.toString();
	}

	/** The {@code data} object of a bits event as it is on the wire. */
	record CheerData(@Nullable String userName, String channelName, @Nullable String userId, String channelId,
			Instant time, String chatMessage, int bitsUsed, long totalBitsUsed, @Nullable Boolean isAnonymous,
			@Nullable String context, BitsEvent.@Nullable BadgeEntitlement badgeEntitlement,
			BitsEvent.@Nullable BadgeTierEntitlement badgeTierEntitlement) {

		public CheerData {
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(chatMessage, "chatMessage");
		}

	}

}
