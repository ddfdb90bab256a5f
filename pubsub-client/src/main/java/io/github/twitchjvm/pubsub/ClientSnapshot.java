package io.github.twitchjvm.pubsub;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The whole client at one moment, read-only: for health checks, metrics and diagnostics.
 *
 * @param running whether the client is started
 * @param connections its sockets
 * @param topics its wanted topics
 * @param lastMessageAt when the last MESSAGE arrived, or {@code null}
 * @param queuedBytes what the messages waiting for handlers take now (estimated, as the
 * queue budget counts them)
 * @param readingPaused whether reading is paused because handlers are behind
 * @param counters what happened since the client was built
 */
public record ClientSnapshot(boolean running, List<ConnectionStatus> connections, List<TopicStatus> topics,
		@Nullable Instant lastMessageAt, long queuedBytes, boolean readingPaused, Counters counters) {

	public ClientSnapshot {
		connections = List.copyOf(connections);
		topics = List.copyOf(topics);
	}

	/**
	 * Counts since the client was built.
	 *
	 * @param messagesReceived MESSAGE frames received
	 * @param messagesDelivered messages handed to handlers
	 * @param dropped messages not delivered, by reason: {@code queue_full},
	 * {@code decode_error}, {@code no_subscriber}, {@code duplicate} (suppressed during a
	 * handover)
	 * @param handlerErrors handler invocations that threw
	 * @param badFrames frames that were not valid or had an unknown type
	 * @param unexpectedFrames valid frames nothing waited for: a PONG without a PING, a
	 * RESPONSE with an unknown (or timed-out) nonce
	 * @param readingPauses how often reading was paused because handlers were behind
	 * (only under {@link io.github.twitchjvm.core.dispatch.OverflowPolicy#PAUSE_READING})
	 * @param reconnects reconnects, by cause: {@code server_reconnect},
	 * {@code pong_timeout}, {@code closed}, {@code error}, {@code connect_failed},
	 * {@code requested}
	 * @param listenResults LISTEN outcomes by error code ({@code ""} for success,
	 * {@code timeout})
	 */
	public record Counters(long messagesReceived, long messagesDelivered, Map<String, Long> dropped, long handlerErrors,
			long badFrames, long unexpectedFrames, long readingPauses, Map<String, Long> reconnects,
			Map<String, Long> listenResults) {

		public Counters {
			dropped = Map.copyOf(dropped);
			reconnects = Map.copyOf(reconnects);
			listenResults = Map.copyOf(listenResults);
		}

	}

}
