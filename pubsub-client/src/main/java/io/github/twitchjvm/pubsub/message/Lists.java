package io.github.twitchjvm.pubsub.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable copies for record components: Twitch sends {@code null} or leaves out lists
 * it has nothing for, and the model promises never-null collections.
 */
final class Lists {

	private Lists() {
	}

	static <T> List<T> copyOf(@Nullable List<T> list) {
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

	static <T> List<T> copyOfReplacingNulls(@Nullable List<T> list, T replacement) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		List<T> copy = new ArrayList<>(list.size());
		for (T element : list) {
			copy.add((element != null) ? element : replacement);
		}
		return Collections.unmodifiableList(copy);
	}

	static <K, V> Map<K, V> copyOf(@Nullable Map<K, V> map) {
		return (map == null || map.isEmpty()) ? Map.of()
				: Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
	}

}
