package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The live counters behind {@link ClientSnapshot.Counters}, cheap to increment from any thread, which also tell the
 * listeners about each activity (for metrics).
 */
final class ClientCounters {

	private final List<PubSubListener> listeners;

	private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(PubSubClient.class),
			TimeUnit.SECONDS.toNanos(10));

	final LongAdder messagesReceived = new LongAdder();

	final LongAdder messagesDelivered = new LongAdder();

	final LongAdder handlerErrors = new LongAdder();

	final LongAdder badFrames = new LongAdder();

	private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> reconnects = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> listenResults = new ConcurrentHashMap<>();

	private volatile @Nullable Instant lastMessageAt;

	ClientCounters(List<PubSubListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	void dropped(@Nullable Topic topic, String reason) {
		dropped(topic, reason, 1);
	}

	void dropped(@Nullable Topic topic, String reason, long count) {
		if (count <= 0) {
			return;
		}
		this.dropped.computeIfAbsent(reason, (key) -> new LongAdder()).add(count);
		tell((listener) -> listener.messageDropped(topic, reason, count));
	}

	void reconnect(String connectionId, String cause) {
		this.reconnects.computeIfAbsent(cause, (key) -> new LongAdder()).increment();
		tell((listener) -> listener.reconnecting(connectionId, cause));
	}

	/**
	 * @param error the RESPONSE's error, {@code ""} for success, or {@code "timeout"}
	 * @param sentNanos when the LISTEN went out ({@link System#nanoTime()})
	 */
	void listenResult(Topic topic, String error, long sentNanos) {
		this.listenResults.computeIfAbsent(error, (key) -> new LongAdder()).increment();
		if (!this.listeners.isEmpty()) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - sentNanos);
			tell((listener) -> listener.listenCompleted(topic, error.isEmpty() ? null : error, elapsed));
		}
	}

	void messageReceived(Instant at) {
		this.messagesReceived.increment();
		this.lastMessageAt = at;
	}

	/** A MESSAGE for a topic some subscription wants, on the socket's reading thread: no allocation here. */
	void routed(Topic topic) {
		for (int i = 0; i < this.listeners.size(); i++) {
			PubSubListener listener = this.listeners.get(i);
			try {
				listener.messageReceived(topic);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	void pong(String connectionId, Duration roundTrip) {
		tell((listener) -> listener.pongReceived(connectionId, roundTrip));
	}

	private void tell(Consumer<PubSubListener> call) {
		for (PubSubListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	private void failed(PubSubListener listener, RuntimeException ex) {
		this.log.warn("activity-listener-" + listener.getClass().getName(), "Listener {} failed: {}", listener,
				ex.toString());
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
