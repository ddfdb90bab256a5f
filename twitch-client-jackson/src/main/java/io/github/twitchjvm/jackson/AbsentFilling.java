package io.github.twitchjvm.jackson;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.module.SimpleValueInstantiators;

import org.jspecify.annotations.Nullable;

/**
 * Hands the model records' constructors the {@linkplain AbsentValues absent value} of
 * every component the JSON did not supply, instead of the {@code null} that would make a
 * never-null component's constructor throw. Jackson asks this once per record class,
 * while it builds the class's deserializer. Only the records of one package, the model's,
 * are filled: records elsewhere keep Jackson's own behaviour.
 */
public final class AbsentFilling extends SimpleValueInstantiators {

	private static final long serialVersionUID = 1L;

	private final String modelPackage;

	/**
	 * Fills the records of the given package.
	 * @param modelPackage the package of the model's records (not its subpackages)
	 */
	public AbsentFilling(Package modelPackage) {
		// The name, not the Package: the instantiators are Serializable.
		this.modelPackage = modelPackage.getName();
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
			ValueInstantiator instantiator) {
		Class<?> type = description.getBeanClass();
		if (!type.isRecord() || !type.getPackageName().equals(this.modelPackage)) {
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
