package io.github.twitchjvm.eventsub;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.engine.ReconnectCause;

/**
 * The client's counters, updated from any thread.
 */
final class EngineCounters {

	final LongAdder received = new LongAdder();

	final LongAdder delivered = new LongAdder();

	final LongAdder handlerFailures = new LongAdder();

	final LongAdder malformedFrames = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> reconnects = new ConcurrentHashMap<>();

	void dropped(String reason) {
		this.dropped.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
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
