package io.github.twitchjvm.jackson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * What Twitch writes in place of a missing value, for encoding the models back to the
 * wire shape. Used as {@code @JsonSerialize(nullsUsing = ...)}.
 */
public final class AbsentValueWriters {

	private AbsentValueWriters() {
	}

	/** Writes {@code ""}. */
	public static final class EmptyString extends StdSerializer<Object> {

		/** The serializer. */
		public EmptyString() {
			super(Object.class);
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeString("");
		}

	}

	/** Writes Go's zero time, {@code 0001-01-01T00:00:00Z}. */
	public static final class GoZeroTime extends StdSerializer<Object> {

		/** The serializer. */
		public GoZeroTime() {
			super(Object.class);
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeString("0001-01-01T00:00:00Z");
		}

	}

}
