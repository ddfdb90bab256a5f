package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one Jackson mapper behind every payload codec, configured once for Twitch's JSON:
 * snake_case names, unknown fields ignored, unknown enum values as {@code UNRECOGNIZED},
 * Twitch's timestamps, and leniency about fields: a value that is missing, {@code null}
 * or of the wrong JSON type is absent ({@link AbsentFilling}, {@link MistypedAsAbsent}),
 * never a reason to lose the message.
 */
final class PayloadJson {

	private PayloadJson() {
	}

	/**
	 * A reader for a value in the middle of a document that a streaming codec walks: the
	 * trailing-token check belongs to the whole document, which the codec makes itself.
	 */
	static ObjectReader embeddedReader(ObjectMapper mapper, Class<?> type) {
		return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Parses a whole message that must be exactly one JSON object. Codecs use it on their
	 * rare slow path, before they call a message they could not bind an unknown variant.
	 */
	static JsonNode singleObject(ObjectMapper mapper, String json) {
		JsonNode tree = mapper.readerFor(JsonNode.class)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.readValue(json);
		if (tree == null || !tree.isObject()) {
			throw new MalformedPayloadException("expected a JSON object");
		}
		return tree;
	}

	static JsonMapper createMapper() {
		SimpleModule timestamps = new SimpleModule("twitch-timestamps")
			.addDeserializer(Instant.class, new TwitchTimestamps.Rfc3339Deserializer())
			.addSerializer(Instant.class, new TwitchTimestamps.Rfc3339Serializer());
		SimpleModule absentValues = new SimpleModule("twitch-absent-values").setValueInstantiators(new AbsentFilling());
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Missing or null values are absent; these are Jackson's defaults, stated
			// because the leniency rule depends on them.
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
			// 1.9 bits is not 1 bit: a fraction where a count belongs is absent (zero),
			// not rounded. A discriminator given twice is rejected by the codecs;
			// Jackson's own duplicate detection would check every key and cost a fifth
			// of a whisper's allocation.
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(coercion) -> coercion.setCoercion(CoercionInputShape.Float, CoercionAction.AsNull))
			// A number is no enum constant (Jackson would take it as an index).
			.withCoercionConfig(LogicalType.Enum,
					(coercion) -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull))
			.addHandler(new MistypedAsAbsent())
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			// Record order reads like Twitch's frames; alphabetical order (Jackson 3's
			// default) does not.
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.addModule(timestamps)
			.addModule(absentValues)
			.addModule(OutOfRangeAsAbsent.module())
			.build();
	}

}
