package io.github.twitchjvm.pubsub.test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ServerStats}. */
final class StatsCounters {

	final LongAdder connectionsAccepted = new LongAdder();

	final LongAdder framesReceived = new LongAdder();

	final LongAdder pings = new LongAdder();

	final LongAdder messagesDelivered = new LongAdder();

	private final Map<String, LongAdder> responses = new ConcurrentHashMap<>();

	void response(String error) {
		this.responses.computeIfAbsent(error, (key) -> new LongAdder()).increment();
	}

	ServerStats snapshot(int connectionsOpen) {
		Map<String, Long> responseCounts = new TreeMap<>();
		this.responses.forEach((error, count) -> responseCounts.put(error, count.sum()));
		return new ServerStats(this.connectionsAccepted.sum(), connectionsOpen, this.framesReceived.sum(),
				this.pings.sum(), responseCounts, this.messagesDelivered.sum());
	}

	void reset() {
		this.connectionsAccepted.reset();
		this.framesReceived.reset();
		this.pings.reset();
		this.messagesDelivered.reset();
		this.responses.clear();
	}

}
