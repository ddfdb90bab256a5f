package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

import org.jspecify.annotations.Nullable;

/**
 * How Twitch writes points in time: RFC 3339 strings with up to nanosecond precision
 * ({@code 2023-07-19T14:56:51.634234626Z}) and sometimes an offset, empty strings or Go's
 * zero time {@code 0001-01-01T00:00:00Z} for "not set". Parsed with the full precision,
 * never through a millisecond pattern.
 */
final class TwitchTimestamps {

	/**
	 * Go's {@code time.Time{}}, which Twitch serialises when a timestamp was never set.
	 */
	static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

	private TwitchTimestamps() {
	}

	static @Nullable Instant parse(String text) {
		if (text.isEmpty()) {
			return null;
		}
		Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		return GO_ZERO_TIME.equals(instant) ? null : instant;
	}

	/**
	 * RFC 3339 text, empty or zero time to {@link Instant}, or {@code null} when absent.
	 */
	static final class Rfc3339Deserializer extends StdScalarDeserializer<Instant> {

		Rfc3339Deserializer() {
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
	static final class Rfc3339Serializer extends StdSerializer<Instant> {

		Rfc3339Serializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
		}

	}

}
