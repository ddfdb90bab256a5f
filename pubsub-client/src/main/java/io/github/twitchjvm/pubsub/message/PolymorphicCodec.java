package io.github.twitchjvm.pubsub.message;

import java.util.function.BiFunction;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidTypeIdException;

import org.jspecify.annotations.Nullable;

/**
 * The codec of a flat family whose discriminator is a property of the object itself,
 * declared on the family with {@code @JsonTypeInfo}/{@code @JsonSubTypes} (channel
 * subscriptions and their {@code context}). An unknown or missing discriminator becomes
 * the family's {@code Unknown} variant.
 *
 * @param <T> the family
 */
final class PolymorphicCodec<T extends PubSubPayload> implements FamilyCodec<T> {

	private final ObjectMapper mapper;

	private final Class<T> family;

	private final String discriminator;

	private final String discriminatorKey;

	private final ObjectReader reader;

	private final ObjectWriter writer;

	private final BiFunction<@Nullable String, String, ? extends T> unknown;

	PolymorphicCodec(ObjectMapper mapper, Class<T> family, BiFunction<@Nullable String, String, ? extends T> unknown) {
		this.mapper = mapper;
		this.family = family;
		com.fasterxml.jackson.annotation.JsonTypeInfo typeInfo = family
			.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
		this.discriminator = (typeInfo != null) ? typeInfo.property() : "type";
		this.discriminatorKey = "\"" + this.discriminator + "\"";
		this.reader = mapper.readerFor(family);
		this.writer = mapper.writerFor(family);
		this.unknown = unknown;
	}

	@Override
	public T decode(String json) {
		if (mayRepeatDiscriminator(json)) {
			rejectRepeatedDiscriminator(json);
		}
		try {
			return this.reader.readValue(json);
		}
		catch (InvalidTypeIdException ex) {
			if (!this.family.equals(ex.getBaseType().getRawClass())) {
				throw ex;
			}
			// Jackson reports a missing type id for any input; only an object is a
			// message of an unknown kind.
			PayloadJson.singleObject(this.mapper, json);
			return this.unknown.apply(ex.getTypeId(), json);
		}
	}

	/**
	 * A cheap pre-check: the discriminator's key appears more than once in the text
	 * (rare: then parse to be sure).
	 */
	private boolean mayRepeatDiscriminator(String json) {
		int first = json.indexOf(this.discriminatorKey);
		return first >= 0 && json.indexOf(this.discriminatorKey, first + 1) >= 0;
	}

	private void rejectRepeatedDiscriminator(String json) {
		try (tools.jackson.core.JsonParser parser = this.mapper.createParser(json)) {
			if (parser.nextToken() != tools.jackson.core.JsonToken.START_OBJECT) {
				return;
			}
			boolean seen = false;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				parser.nextToken();
				if (this.discriminator.equals(name)) {
					if (seen) {
						throw MalformedPayloadException.duplicate(name);
					}
					seen = true;
				}
				parser.skipChildren();
			}
		}
	}

	@Override
	public String encode(T payload) {
		if (payload instanceof UnknownPayload unknownPayload) {
			return unknownPayload.json();
		}
		return this.writer.writeValueAsString(payload);
	}

}
