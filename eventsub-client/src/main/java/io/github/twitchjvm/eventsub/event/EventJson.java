package io.github.twitchjvm.eventsub.event;

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
 * The one Jackson mapper behind {@link EventSubCodec}, configured once for Twitch's JSON:
 * snake_case names, unknown fields ignored, unknown enum values as {@code UNRECOGNIZED},
 * RFC 3339 timestamps with nanoseconds, and leniency about fields: a value that is
 * missing, {@code null} or of the wrong JSON type is absent ({@link AbsentFilling},
 * {@link MistypedAsAbsent}), never a reason to lose the event. The same rules as the
 * PubSub model's.
 */
final class EventJson {

	private EventJson() {
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
			// not rounded.
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Integer,
					(coercion) -> coercion.setCoercion(CoercionInputShape.Float, CoercionAction.AsNull))
			// A number is no enum constant (Jackson would take it as an index).
			.withCoercionConfig(LogicalType.Enum,
					(coercion) -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull))
			.addHandler(new MistypedAsAbsent())
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			// Twitch writes enum values in lower case ("add_blocked_term"); the constants
			// are upper case. Explicit names (a tier's "1000") are kept.
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
			// Record order reads like Twitch's events; alphabetical order (Jackson 3's
			// default) does not.
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.addModule(timestamps)
			.addModule(absentValues)
			.addModule(OutOfRangeAsAbsent.module())
			.build();
	}

}
