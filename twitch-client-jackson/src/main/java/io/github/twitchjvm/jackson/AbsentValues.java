package io.github.twitchjvm.jackson;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a model record holds for a value the JSON left out, set to {@code null} or gave in
 * a form that cannot be read: {@code null} for a {@code @Nullable} component, the empty
 * value of its type for any other. The empty values are {@code ""}, zero, {@code false},
 * an empty list or map, the enum's {@code UNRECOGNIZED} constant, {@link #TIME} for a
 * point in time, and for a nested record the record whose components are all absent.
 *
 * <p>
 * Everything here is worked out once per record class, when Jackson builds its reader;
 * decoding a message only looks the values up.
 */
public final class AbsentValues {

	/**
	 * The absent value of a point in time that is never {@code null}: the Unix epoch.
	 */
	public static final Instant TIME = Instant.EPOCH;

	private static final ClassValue<Object[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected Object[] computeValue(Class<?> type) {
			return componentsOf(type);
		}
	};

	private static final ClassValue<Object> RECORDS = new ClassValue<>() {
		@Override
		protected Object computeValue(Class<?> type) {
			return create(type);
		}
	};

	private AbsentValues() {
	}

	/**
	 * The absent value of each component of a record, in declaration order; {@code null}
	 * where the component is {@code @Nullable}.
	 * @param type a record class
	 * @return a shared array, not to be changed
	 */
	public static @Nullable Object[] ofComponents(Class<?> type) {
		return COMPONENTS.get(type);
	}

	/**
	 * The record whose components are all absent.
	 * @param <T> the record type
	 * @param type a record class
	 * @return a shared instance (records are immutable)
	 */
	public static <T> T of(Class<T> type) {
		return type.cast(RECORDS.get(type));
	}

	/**
	 * Replaces every {@code null} in a record's constructor arguments by the component's
	 * absent value.
	 * @param arguments the arguments, changed in place
	 * @param absent the record's {@link #ofComponents(Class) absent values}
	 */
	public static void fill(@Nullable Object[] arguments, @Nullable Object[] absent) {
		int length = Math.min(arguments.length, absent.length);
		for (int i = 0; i < length; i++) {
			if (arguments[i] == null) {
				arguments[i] = absent[i];
			}
		}
	}

	private static @Nullable Object[] componentsOf(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		if (components == null) {
			throw new IllegalArgumentException(type.getName() + " is not a record");
		}
		@Nullable Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			values[i] = nullable ? null : emptyValue(component.getType(), type);
		}
		return values;
	}

	private static Object emptyValue(Class<?> type, Class<?> owner) {
		if (type == String.class) {
			return "";
		}
		if (type == int.class || type == Integer.class) {
			return 0;
		}
		if (type == long.class || type == Long.class) {
			return 0L;
		}
		if (type == boolean.class || type == Boolean.class) {
			return false;
		}
		if (type == Instant.class) {
			return TIME;
		}
		if (type == List.class) {
			return List.of();
		}
		if (type == Map.class) {
			return Map.of();
		}
		if (type.isEnum()) {
			return Arrays.stream(type.getEnumConstants())
				.filter((constant) -> ((Enum<?>) constant).name().equals("UNRECOGNIZED"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						type.getName() + " (in " + owner.getName() + ") needs an UNRECOGNIZED constant"));
		}
		if (type.isRecord()) {
			return of(type);
		}
		throw new IllegalStateException(
				"No absent value for " + type.getName() + " in " + owner.getName() + "; mark it @Nullable");
	}

	private static Object create(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
			constructor.setAccessible(true);
			return constructor.newInstance(ofComponents(type));
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException("Cannot build the absent " + type.getName(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot build the absent " + type.getName(), ex);
		}
	}

}
