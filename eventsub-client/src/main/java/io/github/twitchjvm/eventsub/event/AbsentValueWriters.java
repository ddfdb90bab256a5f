package io.github.twitchjvm.eventsub.event;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * What Twitch writes in place of a missing value, for encoding events back to the wire
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

}
