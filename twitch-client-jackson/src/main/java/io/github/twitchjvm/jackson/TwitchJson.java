package io.github.twitchjvm.jackson;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The Jackson set-up both payload models share for Twitch's JSON: snake_case names,
 * unknown fields ignored, unknown enum values as {@code UNRECOGNIZED}, RFC 3339
 * timestamps with nanoseconds ({@link TwitchTimestamps}), and leniency about fields: a
 * value that is missing, {@code null}, of the wrong JSON type or out of range is absent
 * ({@link AbsentFilling}, {@link MistypedAsAbsent}, {@link OutOfRangeAsAbsent}), never a
 * reason to lose the message. Each model adds what is its own to the builder (EventSub,
 * for example, reads enum values case-insensitively) and builds its one mapper.
 */
public final class TwitchJson {

	private TwitchJson() {
	}

	/**
	 * A mapper builder with the shared set-up.
	 * @param modelPackage the package of the model's records, whose absent values are
	 * filled in
	 * @return a new builder
	 */
	public static JsonMapper.Builder mapperBuilder(Package modelPackage) {
		SimpleModule timestamps = new SimpleModule("twitch-timestamps")
			.addDeserializer(Instant.class, new TwitchTimestamps.Rfc3339Deserializer())
			.addSerializer(Instant.class, new TwitchTimestamps.Rfc3339Serializer());
		SimpleModule absentValues = new SimpleModule("twitch-absent-values")
			.setValueInstantiators(new AbsentFilling(modelPackage));
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Missing or null values are absent; these are Jackson's defaults, stated
			// because the leniency rule depends on them.
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
			// 1.9 bits is not 1 bit: a fraction where a count belongs is absent (zero),
			// not rounded. A discriminator given twice is rejected by the PubSub codecs;
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
			// Record order reads like Twitch's JSON; alphabetical order (Jackson 3's
			// default) does not.
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.addModule(timestamps)
			.addModule(absentValues)
			.addModule(OutOfRangeAsAbsent.module());
	}

}
