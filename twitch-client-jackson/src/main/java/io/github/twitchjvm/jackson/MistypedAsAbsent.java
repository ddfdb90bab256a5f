package io.github.twitchjvm.jackson;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

import org.jspecify.annotations.Nullable;

/**
 * Reads a value that has the wrong JSON type for its field (an object where a string
 * belongs, a word where a number or a timestamp belongs) as absent, so that one odd field
 * does not cost the whole message. Jackson consults it only when a value cannot be read,
 * never on the normal path. The record then gets the field's {@linkplain AbsentValues
 * absent value}.
 */
public final class MistypedAsAbsent extends DeserializationProblemHandler {

	/**
	 * The handler; the mapper set-up of {@link TwitchJson#mapperBuilder(Package)} adds
	 * it.
	 */
	public MistypedAsAbsent() {
	}

	@Override
	public @Nullable Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
			JsonParser parser, String failureMessage) {
		// The value is consumed here so that reading goes on with the next field.
		parser.skipChildren();
		return absent(targetType.getRawClass());
	}

	@Override
	public @Nullable Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
			String failureMessage) {
		return absent(targetType);
	}

	@Override
	public @Nullable Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
			String failureMessage) {
		return absent(targetType);
	}

	@Override
	public @Nullable Object handleMissingInstantiator(DeserializationContext context, Class<?> type,
			ValueInstantiator instantiator, JsonParser parser, String failureMessage) {
		parser.skipChildren();
		return null;
	}

	/**
	 * {@code null}, which the records turn into the absent value; for a primitive, which
	 * cannot be {@code null}, its zero.
	 */
	private static @Nullable Object absent(Class<?> type) {
		if (!type.isPrimitive()) {
			return null;
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == long.class) {
			return 0L;
		}
		if (type == double.class) {
			return 0.0;
		}
		if (type == float.class) {
			return 0.0f;
		}
		if (type == char.class) {
			return '\0';
		}
		if (type == short.class) {
			return (short) 0;
		}
		if (type == byte.class) {
			return (byte) 0;
		}
		return 0;
	}

}
