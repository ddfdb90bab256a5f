package io.github.twitchjvm.eventsub.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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

	static <K, V> Map<K, V> copyOf(@Nullable Map<K, V> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		// Skips null values (a condition value Twitch sent as an object reads as null).
		Map<K, V> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key, value);
			}
		});
		return Collections.unmodifiableMap(copy);
	}

}
