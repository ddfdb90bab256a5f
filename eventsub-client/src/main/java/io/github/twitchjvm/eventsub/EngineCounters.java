package io.github.twitchjvm.eventsub;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.RateLimitedLog;

import org.jspecify.annotations.Nullable;

/**
 * The client's counters, updated from any thread, and the per-notification activity told
 * to the listeners where it happens (a reading, dispatch or engine thread), as
 * {@link EventSubListener} documents.
 */
final class EngineCounters {

	final LongAdder received = new LongAdder();

	final LongAdder delivered = new LongAdder();

	final LongAdder handlerFailures = new LongAdder();

	final LongAdder malformedFrames = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> reconnects = new ConcurrentHashMap<>();

	private final List<EventSubListener> listeners;

	private final RateLimitedLog log;

	EngineCounters(List<EventSubListener> listeners, RateLimitedLog log) {
		this.listeners = List.copyOf(listeners);
		this.log = log;
	}

	/** A notification reached a subscription's queue. */
	void routed(EventSubSubscription subscription) {
		for (EventSubListener listener : this.listeners) {
			try {
				listener.notificationReceived(subscription);
			}
			catch (RuntimeException ex) {
				this.log.warn("listener", "An EventSub listener failed", ex);
			}
		}
	}

	void dropped(@Nullable EventSubSubscription subscription, DropReason reason) {
		this.dropped.computeIfAbsent(reason.tagValue(), (key) -> new LongAdder()).increment();
		for (EventSubListener listener : this.listeners) {
			try {
				listener.notificationDropped(subscription, reason, 1);
			}
			catch (RuntimeException ex) {
				this.log.warn("listener", "An EventSub listener failed", ex);
			}
		}
	}

	void reconnect(ReconnectCause cause) {
		this.reconnects.computeIfAbsent(cause.tagValue(), (key) -> new LongAdder()).increment();
	}

	EventSubSnapshot.Counters snapshot() {
		return new EventSubSnapshot.Counters(this.received.sum(), this.delivered.sum(), this.handlerFailures.sum(),
				this.malformedFrames.sum(), sums(this.dropped), sums(this.reconnects));
	}

	private static Map<String, Long> sums(Map<String, LongAdder> adders) {
		Map<String, Long> sums = new TreeMap<>();
		adders.forEach((key, adder) -> sums.put(key, adder.sum()));
		return Map.copyOf(sums);
	}

}
