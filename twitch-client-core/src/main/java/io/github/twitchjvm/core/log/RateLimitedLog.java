package io.github.twitchjvm.core.log;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs a recurring problem at most once per interval and key, saying how many were
 * suppressed, so that a flood of bad frames or a handler failing on every message cannot
 * flood the log. Safe to call from any thread; a call that is suppressed costs a map
 * lookup and an increment.
 *
 * <p>
 * Keys should be bounded (a kind of problem, a subscription): a key per message would
 * grow the map without end.
 */
public final class RateLimitedLog {

	private final Logger logger;

	private final long intervalNanos;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	/**
	 * Creates a log.
	 * @param logger where the messages go
	 * @param interval the least time between two messages of one key
	 */
	public RateLimitedLog(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
	}

	/**
	 * Logs at WARN unless a message of the same key was logged less than an interval ago.
	 * @param key the kind of problem
	 * @param message an SLF4J message pattern
	 * @param arguments its arguments (a last {@link Throwable} is logged with its stack
	 * trace)
	 */
	public void warn(String key, String message, @Nullable Object... arguments) {
		long suppressed = admit(key);
		if (suppressed >= 0) {
			this.logger.warn(withSuppressed(message, suppressed), arguments);
		}
	}

	/**
	 * Logs at ERROR unless a message of the same key was logged less than an interval
	 * ago: for failures that should never happen, such as an exception escaping an engine
	 * task.
	 * @param key the kind of problem
	 * @param message an SLF4J message pattern
	 * @param arguments its arguments (a last {@link Throwable} is logged with its stack
	 * trace)
	 */
	public void error(String key, String message, @Nullable Object... arguments) {
		long suppressed = admit(key);
		if (suppressed >= 0) {
			this.logger.error(withSuppressed(message, suppressed), arguments);
		}
	}

	/**
	 * Forgets a key, for example when the subscription it belonged to ends.
	 * @param key the key
	 */
	public void forget(String key) {
		this.windows.remove(key);
	}

	/**
	 * @return how many were suppressed since the last message of the key, or -1 if this
	 * one is suppressed too
	 */
	private long admit(String key) {
		Window window = this.windows.computeIfAbsent(key, (k) -> new Window());
		long now = System.nanoTime();
		long last = window.lastLogged.get();
		if ((last != 0 && now - last < this.intervalNanos) || !window.lastLogged.compareAndSet(last, now)) {
			window.suppressed.incrementAndGet();
			return -1;
		}
		return window.suppressed.getAndSet(0);
	}

	private static String withSuppressed(String message, long suppressed) {
		return (suppressed > 0) ? message + " (" + suppressed + " similar suppressed)" : message;
	}

	private static final class Window {

		private final AtomicLong lastLogged = new AtomicLong();

		private final AtomicLong suppressed = new AtomicLong();

	}

}
