package io.github.twitchjvm.eventsub.event;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.module.SimpleValueInstantiators;

import org.jspecify.annotations.Nullable;

/**
 * Hands the event records' constructors the {@linkplain AbsentValues absent value} of
 * every component the event did not supply, instead of the {@code null} that would make a
 * never-null component's constructor throw. Jackson asks this once per record class,
 * while it builds the class's deserializer.
 */
final class AbsentFilling extends SimpleValueInstantiators {

	private static final long serialVersionUID = 1L;

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
			ValueInstantiator instantiator) {
		Class<?> type = description.getBeanClass();
		if (!type.isRecord() || type.getPackage() != AbsentFilling.class.getPackage()) {
			return instantiator;
		}
		return new Filling(instantiator, AbsentValues.ofComponents(type));
	}

	/**
	 * Fills in absent values, then lets Jackson's own instantiator call the constructor.
	 */
	private static final class Filling extends ValueInstantiator.Delegating {

		private static final long serialVersionUID = 1L;

		private final @Nullable Object[] absent;

		Filling(ValueInstantiator delegate, @Nullable Object[] absent) {
			super(delegate);
			this.absent = absent;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context,
				BeanDescription.Supplier description) {
			ValueInstantiator contextual = delegate().createContextual(context, description);
			return (contextual == delegate()) ? this : new Filling(contextual, this.absent);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			@Nullable Object[] arguments = buffer.getParameters(context, properties);
			AbsentValues.fill(arguments, this.absent);
			return delegate().createFromObjectWith(context, arguments);
		}

	}

}
