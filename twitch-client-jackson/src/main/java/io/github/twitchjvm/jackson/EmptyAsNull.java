package io.github.twitchjvm.jackson;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads a string that Twitch sends empty when it means "absent" (for example PubSub's
 * {@code resolver_id}, or a redemption's {@code user_input} in EventSub) as {@code null}.
 * Used through {@code @JsonDeserialize(using = EmptyAsNull.class)} on exactly those
 * components, so that other strings keep an empty value when it is meaningful.
 */
public final class EmptyAsNull extends StringDeserializer {

	private static final long serialVersionUID = 1L;

	/** The deserializer. */
	public EmptyAsNull() {
	}

	@Override
	public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
		String value = super.deserialize(parser, context);
		return (value == null || value.isEmpty()) ? null : value;
	}

}
