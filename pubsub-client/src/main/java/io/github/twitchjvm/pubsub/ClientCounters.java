package io.github.twitchjvm.pubsub;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * The live counters behind {@link ClientSnapshot.Counters}, cheap to increment from any
 * thread. Activity that happens on a reading or dispatch thread (a message routed or
 * dropped) is told to the listeners right there, without allocating; what the engine does
 * is told through the {@link EngineNotifier}, off the engine's loop.
 */
final class ClientCounters {

	private final List<PubSubListener> listeners;

	private final EngineNotifier notifier;

	final LongAdder messagesReceived = new LongAdder();

	final LongAdder messagesDelivered = new LongAdder();

	final LongAdder handlerErrors = new LongAdder();

	final LongAdder badFrames = new LongAdder();

	final LongAdder unexpectedFrames = new LongAdder();

	private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

	private final Map<ReconnectCause, LongAdder> reconnects = new EnumMap<>(ReconnectCause.class);

	/** What a server may answer: success ({@code ""}) and the documented error codes. */
	private static final Set<String> KNOWN_ANSWERS = Set.of("", "ERR_BADAUTH", "ERR_SERVER", "ERR_BADTOPIC",
			"ERR_BADMESSAGE");

	static final String TIMEOUT_RESULT = "timeout";

	static final String OTHER_RESULT = "other";

	private final Map<String, LongAdder> listenResults = new ConcurrentHashMap<>();

	private volatile @Nullable Instant lastMessageAt;

	ClientCounters(List<PubSubListener> listeners, EngineNotifier notifier) {
		this.listeners = List.copyOf(listeners);
		this.notifier = notifier;
		// Filled up front, so that every thread reads the maps without a lock.
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new LongAdder());
		}
		for (ReconnectCause cause : ReconnectCause.values()) {
			this.reconnects.put(cause, new LongAdder());
		}
	}

	/** A message did not reach a handler; on the thread where it happened. */
	void dropped(@Nullable Topic topic, DropReason reason, long count) {
		if (count <= 0) {
			return;
		}
		counter(this.dropped, reason).add(count);
		for (int i = 0; i < this.listeners.size(); i++) {
			PubSubListener listener = this.listeners.get(i);
			try {
				listener.messageDropped(topic, reason, count);
			}
			catch (RuntimeException ex) {
				this.notifier.listenerFailed(listener, ex);
			}
		}
	}

	/** A socket is being replaced; on the engine's loop. */
	void reconnect(String connectionId, ReconnectCause cause) {
		counter(this.reconnects, cause).increment();
		this.notifier.reconnecting(connectionId, cause);
	}

	/**
	 * A LISTEN got its answer; on the engine's loop. An error code the protocol does not
	 * know (a {@code "timeout"} from the server included) counts as {@code other}: a
	 * server inventing codes must not grow the counters (or metric tags) without end.
	 * @param error the RESPONSE's error, {@code ""} for success
	 * @param elapsedNanos since the LISTEN went out
	 */
	void listenAnswered(Topic topic, String error, long elapsedNanos) {
		listenResult(topic, KNOWN_ANSWERS.contains(error) ? error : OTHER_RESULT, elapsedNanos);
	}

	/**
	 * A LISTEN (or a waiting call) got no answer in time; on the engine's loop.
	 * @param elapsedNanos since the LISTEN went out
	 */
	void listenTimedOut(Topic topic, long elapsedNanos) {
		listenResult(topic, TIMEOUT_RESULT, elapsedNanos);
	}

	private void listenResult(Topic topic, String result, long elapsedNanos) {
		this.listenResults.computeIfAbsent(result, (key) -> new LongAdder()).increment();
		this.notifier.listenCompleted(topic, result.isEmpty() ? null : result, elapsedNanos);
	}

	/** A MESSAGE frame arrived; on the reading thread. */
	void messageReceived(Instant at) {
		this.messagesReceived.increment();
		this.lastMessageAt = at;
	}

	/**
	 * A MESSAGE for a topic some subscription wants, on the socket's reading thread: no
	 * allocation here.
	 */
	void routed(Topic topic) {
		for (int i = 0; i < this.listeners.size(); i++) {
			PubSubListener listener = this.listeners.get(i);
			try {
				listener.messageReceived(topic);
			}
			catch (RuntimeException ex) {
				this.notifier.listenerFailed(listener, ex);
			}
		}
	}

	/**
	 * Every key has its counter from the start: the maps are filled in the constructor.
	 */
	private static <K> LongAdder counter(Map<K, LongAdder> counters, K key) {
		return Objects.requireNonNull(counters.get(key));
	}

	@Nullable Instant lastMessageAt() {
		return this.lastMessageAt;
	}

	ClientSnapshot.Counters snapshot(long readingPauses) {
		Map<String, Long> drops = new TreeMap<>();
		this.dropped.forEach((reason, count) -> putIfCounted(drops, reason.tagValue(), count.sum()));
		Map<String, Long> causes = new TreeMap<>();
		this.reconnects.forEach((cause, count) -> putIfCounted(causes, cause.tagValue(), count.sum()));
		Map<String, Long> results = new TreeMap<>();
		this.listenResults.forEach((result, count) -> results.put(result, count.sum()));
		return new ClientSnapshot.Counters(this.messagesReceived.sum(), this.messagesDelivered.sum(), drops,
				this.handlerErrors.sum(), this.badFrames.sum(), this.unexpectedFrames.sum(), readingPauses, causes,
				results);
	}

	private static void putIfCounted(Map<String, Long> sums, String key, long sum) {
		if (sum > 0) {
			sums.put(key, sum);
		}
	}

}
