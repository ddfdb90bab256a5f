package io.github.twitchjvm.pubsub.message;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * What Twitch wrote in place of a missing value, for encoding payloads back to the wire
 * shape.
 */
final class AbsentValueWriters {

	private AbsentValueWriters() {
	}

	/** Writes {@code ""}. */
	static final class EmptyString extends StdSerializer<Object> {

		EmptyString() {
			super(Object.class);
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeString("");
		}

	}

	/** Writes Go's zero time, {@code 0001-01-01T00:00:00Z}. */
	static final class GoZeroTime extends StdSerializer<Object> {

		GoZeroTime() {
			super(Object.class);
		}

		@Override
		public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
			generator.writeString("0001-01-01T00:00:00Z");
		}

	}

}
