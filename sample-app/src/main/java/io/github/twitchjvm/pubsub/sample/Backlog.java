package io.github.twitchjvm.pubsub.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Work waiting for someone, by id, oldest first, and bounded: past {@code limit} the
 * oldest item is forgotten (a redemption nobody fulfils, a held message nobody reviews),
 * so that a channel that never clears its queues cannot fill the heap. Thread-safe.
 *
 * @param <V> what waits
 */
final class Backlog<V> {

	private final int limit;

	private final Map<String, V> items = new LinkedHashMap<>();

	private long forgotten;

	Backlog(int limit) {
		this.limit = limit;
	}

	synchronized void put(String id, V item) {
		this.items.put(id, item);
		if (this.items.size() > this.limit) {
			this.items.remove(this.items.keySet().iterator().next());
			this.forgotten++;
		}
	}

	synchronized @Nullable V remove(String id) {
		return this.items.remove(id);
	}

	synchronized int size() {
		return this.items.size();
	}

	synchronized @Nullable V oldest() {
		return this.items.isEmpty() ? null : this.items.values().iterator().next();
	}

	/** The items, oldest first. */
	synchronized List<V> items() {
		return new ArrayList<>(this.items.values());
	}

	/** How many items were forgotten to keep within the limit. */
	synchronized long forgotten() {
		return this.forgotten;
	}

}
