package io.github.twitchjvm.pubsub.message;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.twitchjvm.jackson.AbsentValues;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import org.jspecify.annotations.Nullable;

/**
 * The codec of families whose inner message is {@code {"type": T, "data": {...}}}:
 * channel points, moderator actions, AutoMod queue, user moderation notifications and
 * low-trust users.
 *
 * <p>
 * Decoding streams over the outer object and binds {@code data} straight to the variant
 * that {@code type} names, without building a tree; only when {@code data} comes before
 * {@code type} (Twitch never did that) is {@code data} buffered first. A message without
 * a {@code type} string is the family's {@code Unknown}; one of a known type whose
 * {@code data} is missing, {@code null} or not an object is the variant with every field
 * absent.
 *
 * @param <T> the family
 */
final class EnvelopeCodec<T extends PubSubPayload> implements FamilyCodec<T> {

	private static final String TYPE = "type";

	private static final String DATA = "data";

	private final ObjectMapper mapper;

	private final Map<String, Variant> variants = new HashMap<>();

	private final Map<Class<?>, String> typeNames = new HashMap<>();

	private final BiFunction<@Nullable String, String, ? extends T> unknown;

	/**
	 * Creates a codec.
	 * @param mapper the shared mapper
	 * @param variants the wire name of {@code type} for each variant record
	 * @param unknown creates the family's {@code Unknown} variant from the type and the
	 * raw JSON
	 */
	EnvelopeCodec(ObjectMapper mapper, Map<String, Class<? extends T>> variants,
			BiFunction<@Nullable String, String, ? extends T> unknown) {
		this.mapper = mapper;
		this.unknown = unknown;
		variants.forEach((name, type) -> {
			this.variants.put(name, new Variant(PayloadJson.embeddedReader(mapper, type), AbsentValues.of(type)));
			this.typeNames.put(type, name);
		});
	}

	@Override
	@SuppressWarnings("unchecked")
	public T decode(String json) {
		String type = null;
		boolean typeSeen = false;
		boolean dataSeen = false;
		Object data = null;
		JsonNode deferredData = null;
		try (JsonParser parser = this.mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedPayloadException("expected a JSON object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				if (TYPE.equals(name)) {
					if (typeSeen) {
						throw MalformedPayloadException.duplicate(TYPE);
					}
					typeSeen = true;
					if (token == JsonToken.VALUE_STRING) {
						type = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
				else if (DATA.equals(name) && token != JsonToken.VALUE_NULL) {
					if (dataSeen) {
						throw MalformedPayloadException.duplicate(DATA);
					}
					dataSeen = true;
					if (type == null) {
						deferredData = parser.readValueAsTree();
					}
					else {
						Variant variant = this.variants.get(type);
						if (variant == null) {
							parser.skipChildren();
						}
						else {
							data = variant.reader().readValue(parser);
						}
					}
				}
				else {
					parser.skipChildren();
				}
			}
			TrailingContent.reject(parser);
		}
		Variant variant = (type != null) ? this.variants.get(type) : null;
		if (variant == null) {
			return this.unknown.apply(type, json);
		}
		if (data == null && deferredData != null) {
			data = variant.reader().readValue(deferredData);
		}
		return (T) ((data != null) ? data : variant.absent());
	}

	/**
	 * How to read one variant, and what it is when its {@code data} is missing.
	 */
	private record Variant(ObjectReader reader, Object absent) {
	}

	@Override
	public String encode(T payload) {
		if (payload instanceof UnknownPayload unknownPayload) {
			return unknownPayload.json();
		}
		String type = this.typeNames.get(payload.getClass());
		if (type == null) {
			throw new IllegalArgumentException("No wire type for " + payload.getClass().getName());
		}
		StringWriter json = new StringWriter(256);
		try (JsonGenerator generator = this.mapper.createGenerator(json)) {
			generator.writeStartObject();
			generator.writeStringProperty(TYPE, type);
			generator.writePOJOProperty(DATA, payload);
			generator.writeEndObject();
		}
		return json.toString();
	}

}
