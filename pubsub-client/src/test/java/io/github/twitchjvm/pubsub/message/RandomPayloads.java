package io.github.twitchjvm.pubsub.message;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import io.github.twitchjvm.jackson.TwitchTimestamps;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Builds random instances of the payload records by reflection, for property-style
 * round-trip tests: every record component gets a value of its type that the wire format
 * can carry ({@code @Nullable} components are sometimes {@code null}, ids written as JSON
 * numbers are digits, Unix-seconds timestamps are whole seconds).
 */
final class RandomPayloads {

	private static final String TEXT_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-#:./";

	private static final String[] AWKWARD_TEXTS = { "quote \" and backslash \\", "line\nbreak\ttab",
			"emoji 😀 PogChamp", "ünïcödé ßpäß", "</script>", "{\"json\":\"inside\"}", "0", "null" };

	private final Random random;

	RandomPayloads(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * All concrete records a sealed family (or a record) can be, except its
	 * {@code Unknown} variant.
	 */
	static List<Class<?>> variantsOf(Class<?> type) {
		if (type.isRecord()) {
			return UnknownPayload.class.isAssignableFrom(type) ? List.of() : List.of(type);
		}
		List<Class<?>> variants = new ArrayList<>();
		for (Class<?> permitted : type.getPermittedSubclasses()) {
			variants.addAll(variantsOf(permitted));
		}
		return variants;
	}

	<T> T record(Class<T> type) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = component(components[i]);
		}
		try {
			Constructor<T> constructor = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			constructor.setAccessible(true);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot build " + type, ex);
		}
	}

	private @Nullable Object component(RecordComponent component) {
		AnnotatedType annotated = component.getAnnotatedType();
		if (annotated.isAnnotationPresent(Nullable.class) && this.random.nextInt(4) == 0) {
			return null;
		}
		JsonSerialize serialize = component.getAccessor().getAnnotation(JsonSerialize.class);
		if (serialize != null && serialize.using() == NumericId.class) {
			return String.valueOf(1 + this.random.nextLong(999_999_999_999L));
		}
		if (serialize != null && serialize.using() == TwitchTimestamps.EpochSecondsSerializer.class) {
			return Instant.ofEpochSecond(instant().getEpochSecond());
		}
		return value(component.getGenericType());
	}

	private Object value(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			Class<?> raw = (Class<?>) parameterized.getRawType();
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == List.class) {
				List<Object> list = new ArrayList<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					list.add(value(arguments[0]));
				}
				return list;
			}
			if (raw == Map.class) {
				Map<Object, Object> map = new LinkedHashMap<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					map.put(value(arguments[0]), value(arguments[1]));
				}
				return map;
			}
			throw new IllegalArgumentException("No generator for " + type);
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return text();
		}
		if (raw == int.class || raw == Integer.class) {
			return this.random.nextInt(-5, 100_000);
		}
		if (raw == long.class || raw == Long.class) {
			return this.random.nextLong(-5, 10_000_000_000L);
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return this.random.nextBoolean();
		}
		if (raw == Instant.class) {
			return instant();
		}
		if (raw.isEnum()) {
			Object[] constants = Arrays.stream(raw.getEnumConstants())
				.filter((constant) -> !((Enum<?>) constant).name().equals("UNRECOGNIZED"))
				.toArray();
			return constants[this.random.nextInt(constants.length)];
		}
		if (raw.isRecord()) {
			return record(raw);
		}
		throw new IllegalArgumentException("No generator for " + type);
	}

	private String text() {
		if (this.random.nextInt(8) == 0) {
			return AWKWARD_TEXTS[this.random.nextInt(AWKWARD_TEXTS.length)];
		}
		int length = 1 + this.random.nextInt(16);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(TEXT_CHARACTERS.charAt(this.random.nextInt(TEXT_CHARACTERS.length())));
		}
		return text.toString();
	}

	private Instant instant() {
		long seconds = this.random.nextLong(Instant.parse("2016-01-01T00:00:00Z").getEpochSecond(),
				Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
		int nanos = switch (this.random.nextInt(3)) {
			case 0 -> 0;
			case 1 -> this.random.nextInt(1000) * 1_000_000;
			default -> this.random.nextInt(1_000_000_000);
		};
		return Instant.ofEpochSecond(seconds, nanos);
	}

}
