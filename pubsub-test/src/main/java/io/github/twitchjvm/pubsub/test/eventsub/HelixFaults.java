package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Helix errors on demand: the next n requests of a method get a given answer. */
final class HelixFaults {

	private final Map<String, Failure> failures = new HashMap<>();

	synchronized void fail(String method, int status, String message, int times) {
		String key = method.toUpperCase(Locale.ROOT);
		if (times <= 0) {
			this.failures.remove(key);
		}
		else {
			this.failures.put(key, new Failure(status, message, times));
		}
	}

	/** The failure this request gets, counted, or {@code null}. */
	synchronized @Nullable Failure next(String method) {
		Failure failure = this.failures.get(method);
		if (failure == null) {
			return null;
		}
		if (failure.times() <= 1) {
			this.failures.remove(method);
		}
		else {
			this.failures.put(method, new Failure(failure.status(), failure.message(), failure.times() - 1));
		}
		return failure;
	}

	synchronized void clear() {
		this.failures.clear();
	}

	record Failure(int status, String message, int times) {
	}

}
