package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Helix errors on demand: the next n requests of a method get a given answer; and a slow
 * Helix: requests of a held method wait, in order, until released.
 */
final class HelixFaults {

	private final Map<String, Failure> failures = new HashMap<>();

	private final Map<String, List<Runnable>> held = new HashMap<>();

	synchronized void hold(String method) {
		this.held.putIfAbsent(method, new ArrayList<>());
	}

	/**
	 * Keeps a request of a held method for later.
	 * @return whether it was kept: otherwise answer it now
	 */
	synchronized boolean keepIfHeld(String method, Runnable answer) {
		List<Runnable> waiting = this.held.get(method);
		if (waiting == null) {
			return false;
		}
		waiting.add(answer);
		return true;
	}

	/** Ends a hold; the requests it kept are answered now, in order. */
	void release(String method) {
		List<Runnable> waiting;
		synchronized (this) {
			waiting = this.held.remove(method);
		}
		if (waiting != null) {
			waiting.forEach(Runnable::run);
		}
	}

	/** The requests a hold keeps now. */
	synchronized int heldCount(String method) {
		List<Runnable> waiting = this.held.get(method);
		return (waiting != null) ? waiting.size() : 0;
	}

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

	void clear() {
		List<String> methods;
		synchronized (this) {
			this.failures.clear();
			methods = List.copyOf(this.held.keySet());
		}
		methods.forEach(this::release);
	}

	record Failure(int status, String message, int times) {
	}

}
