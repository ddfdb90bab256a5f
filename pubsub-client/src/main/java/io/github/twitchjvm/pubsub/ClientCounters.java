package io.github.twitchjvm.pubsub;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/** The live counters behind {@link ClientSnapshot.Counters}; cheap to increment from any thread. */
final class ClientCounters {

	final LongAdder messagesReceived = new LongAdder();

	final LongAdder messagesDelivered = new LongAdder();

	final LongAdder handlerErrors = new LongAdder();

	final LongAdder badFrames = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> reconnects = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> listenResults = new ConcurrentHashMap<>();

	private volatile @Nullable Instant lastMessageAt;

	void dropped(String reason) {
		this.dropped.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	void reconnect(String cause) {
		this.reconnects.computeIfAbsent(cause, (key) -> new LongAdder()).increment();
	}

	void listenResult(String error) {
		this.listenResults.computeIfAbsent(error, (key) -> new LongAdder()).increment();
	}

	void messageReceived(Instant at) {
		this.messagesReceived.increment();
		this.lastMessageAt = at;
	}

	@Nullable Instant lastMessageAt() {
		return this.lastMessageAt;
	}

	ClientSnapshot.Counters snapshot() {
		return new ClientSnapshot.Counters(this.messagesReceived.sum(), this.messagesDelivered.sum(), sums(this.dropped),
				this.handlerErrors.sum(), this.badFrames.sum(), sums(this.reconnects), sums(this.listenResults));
	}

	private static Map<String, Long> sums(Map<String, LongAdder> counters) {
		Map<String, Long> sums = new TreeMap<>();
		counters.forEach((key, adder) -> sums.put(key, adder.sum()));
		return sums;
	}

}
