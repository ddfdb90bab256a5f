package io.github.twitchjvm.pubsub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a recurring problem at most once per interval and key, saying how many were suppressed, so that a flood of
 * bad frames or a handler failing on every message cannot flood the log.
 */
final class RateLimitedLog {

	private final Logger logger;

	private final long intervalNanos;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	RateLimitedLog(Logger logger, long intervalNanos) {
		this.logger = logger;
		this.intervalNanos = intervalNanos;
	}

	void warn(String key, String message, Object... arguments) {
		Window window = this.windows.computeIfAbsent(key, (k) -> new Window());
		long now = System.nanoTime();
		long last = window.lastLogged.get();
		if (last != 0 && now - last < this.intervalNanos) {
			window.suppressed.incrementAndGet();
			return;
		}
		if (!window.lastLogged.compareAndSet(last, now)) {
			window.suppressed.incrementAndGet();
			return;
		}
		long suppressed = window.suppressed.getAndSet(0);
		if (suppressed > 0) {
			this.logger.warn(message + " (" + suppressed + " similar suppressed)", arguments);
		}
		else {
			this.logger.warn(message, arguments);
		}
	}

	private static final class Window {

		private final AtomicLong lastLogged = new AtomicLong();

		private final AtomicLong suppressed = new AtomicLong();

	}

}
