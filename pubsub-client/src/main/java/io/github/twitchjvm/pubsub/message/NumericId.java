package io.github.twitchjvm.pubsub.message;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an id the model keeps as a {@code String} as a JSON number, as whispers carry
 * {@code id}, {@code from_id} and {@code recipient.id}. Reading needs nothing special: a
 * JSON number binds to a {@code String} as its decimal text.
 */
final class NumericId extends StdSerializer<String> {

	NumericId() {
		super(String.class);
	}

	@Override
	public void serialize(String value, JsonGenerator generator, SerializationContext context) {
		if (isDigits(value)) {
			generator.writeNumber(value);
		}
		else {
			// Never emit an invalid number literal; a non-numeric id travels as the
			// string it is.
			generator.writeString(value);
		}
	}

	private static boolean isDigits(String value) {
		if (value.isEmpty() || value.length() > 19 || (value.length() > 1 && value.charAt(0) == '0')) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
