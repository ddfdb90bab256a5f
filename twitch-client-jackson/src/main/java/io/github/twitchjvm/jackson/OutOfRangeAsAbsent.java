package io.github.twitchjvm.jackson;

import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.jspecify.annotations.Nullable;

/**
 * Reads a whole number too large for its {@code int} or {@code long} field as absent
 * (zero, or {@code null} where the field allows it) instead of failing the message;
 * Jackson reports such a number with an exception, not to a problem handler. Numbers that
 * fit, which is every number Twitch sent, go through Jackson's own deserializer
 * unchanged.
 */
public final class OutOfRangeAsAbsent extends DelegatingDeserializer {

	private static final long serialVersionUID = 1L;

	private OutOfRangeAsAbsent(ValueDeserializer<?> delegate) {
		super(delegate);
	}

	/**
	 * A module with this deserializer for {@code int}, {@code Integer}, {@code long} and
	 * {@code Long}.
	 * @return the module
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static SimpleModule module() {
		SimpleModule module = new SimpleModule("twitch-numbers-out-of-range");
		module.addDeserializer((Class) int.class,
				new OutOfRangeAsAbsent(new NumberDeserializers.IntegerDeserializer(Integer.TYPE, 0)));
		module.addDeserializer((Class) Integer.class,
				new OutOfRangeAsAbsent(new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
		module.addDeserializer((Class) long.class,
				new OutOfRangeAsAbsent(new NumberDeserializers.LongDeserializer(Long.TYPE, 0L)));
		module.addDeserializer((Class) Long.class,
				new OutOfRangeAsAbsent(new NumberDeserializers.LongDeserializer(Long.class, null)));
		return module;
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
		return new OutOfRangeAsAbsent(delegate);
	}

	@Override
	public @Nullable Object deserialize(JsonParser parser, DeserializationContext context) {
		try {
			return super.deserialize(parser, context);
		}
		catch (InputCoercionException ex) {
			// The number token is consumed; what a missing value would be stands in.
			return getNullValue(context);
		}
	}

}
