package io.github.twitchjvm.jackson;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

import org.jspecify.annotations.Nullable;

/**
 * How Twitch writes points in time: RFC 3339 strings with up to nanosecond precision
 * ({@code 2023-07-19T14:56:51.634234626Z}) and sometimes an offset ({@code -08:00} in
 * documentation examples), empty strings or Go's zero time {@code 0001-01-01T00:00:00Z}
 * for "not set", and plain Unix seconds inside PubSub whispers ({@code sent_ts}). Parsed
 * with the full precision, never through a millisecond pattern.
 */
public final class TwitchTimestamps {

	/**
	 * Go's {@code time.Time{}}, which Twitch serialises when a timestamp was never set.
	 */
	public static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

	private TwitchTimestamps() {
	}

	/**
	 * Parses RFC 3339 text.
	 * @param text the text, without surrounding white space
	 * @return the instant, or {@code null} for empty text or Go's zero time
	 * @throws DateTimeParseException if the text is not RFC 3339
	 */
	public static @Nullable Instant parse(String text) {
		if (text.isEmpty()) {
			return null;
		}
		Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		return GO_ZERO_TIME.equals(instant) ? null : instant;
	}

	/**
	 * RFC 3339 text, empty or zero time to {@link Instant}, or {@code null} when absent.
	 */
	public static final class Rfc3339Deserializer extends StdScalarDeserializer<Instant> {

		/** The deserializer. */
		public Rfc3339Deserializer() {
			super(Instant.class);
		}

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) context.handleUnexpectedToken(Instant.class, parser);
			}
			String text = parser.getString().trim();
			try {
				return parse(text);
			}
			catch (DateTimeParseException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text,
						"not an RFC 3339 timestamp (" + ex.getMessage() + ")");
			}
		}

	}

	/**
	 * {@link Instant} to RFC 3339 text in UTC, with as many fraction digits as it has.
	 */
	public static final class Rfc3339Serializer extends StdSerializer<Instant> {

		/** The serializer. */
		public Rfc3339Serializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
		}

	}

	/** Unix seconds (a JSON number) to {@link Instant}. */
	public static final class EpochSecondsDeserializer extends StdScalarDeserializer<Instant> {

		/** The deserializer. */
		public EpochSecondsDeserializer() {
			super(Instant.class);
		}

		@Override
		public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
				try {
					return Instant.ofEpochSecond(parser.getLongValue());
				}
				catch (InputCoercionException | DateTimeException ex) {
					return (Instant) context.handleWeirdNumberValue(Instant.class, parser.getNumberValue(),
							"out of range for Unix seconds");
				}
			}
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				String text = parser.getString().trim();
				try {
					return Instant.ofEpochSecond(Long.parseLong(text));
				}
				catch (NumberFormatException | DateTimeException ex) {
					return (Instant) context.handleWeirdStringValue(Instant.class, text, "not Unix seconds");
				}
			}
			return (Instant) context.handleUnexpectedToken(Instant.class, parser);
		}

	}

	/**
	 * {@link Instant} to Unix seconds (a JSON number); sub-second precision is not part
	 * of the wire format.
	 */
	public static final class EpochSecondsSerializer extends StdSerializer<Instant> {

		/** The serializer. */
		public EpochSecondsSerializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(value.getEpochSecond());
		}

	}

}
