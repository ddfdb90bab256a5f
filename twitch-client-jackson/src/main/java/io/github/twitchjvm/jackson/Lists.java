package io.github.twitchjvm.jackson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable copies for record components: Twitch sends {@code null} or leaves out lists
 * it has nothing for, and the models promise never-null collections.
 */
public final class Lists {

	private Lists() {
	}

	/**
	 * An unmodifiable copy without the {@code null} elements.
	 * @param <T> the element type
	 * @param list the list, possibly {@code null}
	 * @return the copy; empty for {@code null}
	 */
	public static <T> List<T> copyOf(@Nullable List<T> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		// Skips null elements, which List.copyOf would reject and which carry nothing.
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			if (element != null) {
				copy.add(element);
			}
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * An unmodifiable copy with each {@code null} element replaced, for lists whose
	 * positions mean something (a moderation action's arguments).
	 * @param <T> the element type
	 * @param list the list, possibly {@code null}
	 * @param replacement what stands for a {@code null} element
	 * @return the copy; empty for {@code null}
	 */
	public static <T> List<T> copyOfReplacingNulls(@Nullable List<T> list, T replacement) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			copy.add((element != null) ? element : replacement);
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * An unmodifiable copy, in the same order, without the entries whose key or value is
	 * {@code null}.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param map the map, possibly {@code null}
	 * @return the copy; empty for {@code null}
	 */
	public static <K, V> Map<K, V> copyOf(@Nullable Map<K, V> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		// Skips null values (a value Twitch sent as an object reads as null).
		Map<K, V> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key, value);
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
