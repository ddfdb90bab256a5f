package io.github.twitchjvm.pubsub;

import java.time.Duration;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * Told about state changes and activity of the client, for health, metrics and the
 * application. Every method does nothing by default. What the engine does (state changes,
 * LISTEN results, reconnects, PONGs) is told in order on the client's notification thread
 * ({@code pubsub-notify}), never on the engine's own, so a listener may take its time or
 * call the client; it must not wait for a {@code listen*} confirmation there (the client
 * throws rather than wait for itself). Per-message activity ({@link #messageReceived},
 * {@link #messageDropped}) is told where it happens, on a socket's reading thread for
 * every message, on a dispatch thread, or on the engine's own thread during a handover:
 * those must return quickly and never block or call the client. An exception thrown here
 * is logged (rate-limited) and otherwise ignored.
 */
public interface PubSubListener {

	/**
	 * A socket changed state.
	 * @param status the socket now
	 */
	default void connectionChanged(ConnectionStatus status) {
	}

	/**
	 * A wanted topic changed state.
	 * @param status the topic now
	 */
	default void topicChanged(TopicStatus status) {
	}

	/**
	 * The client no longer wants a topic: its last subscription ended, or it failed or
	 * was revoked and no subscription is left. Whatever a listener keeps per topic can
	 * go.
	 * @param topic the topic
	 */
	default void topicRemoved(Topic topic) {
	}

	/**
	 * The server revoked the token of a topic ({@code AUTH_REVOKED}): the topic is
	 * {@link TopicState#REVOKED} and will not be listened to again; the application may
	 * re-authorise the user and listen anew.
	 * @param topic the topic
	 */
	default void authorizationRevoked(Topic topic) {
	}

	// --- activity, for metrics ---

	/**
	 * A MESSAGE arrived for a topic some subscription wants. Called on the socket's
	 * reading thread, once per message, before it is queued for the handlers.
	 * @param topic the message's topic
	 */
	default void messageReceived(Topic topic) {
	}

	/**
	 * A message was not delivered to a handler (or, with {@link DropReason#DUPLICATE}, to
	 * any). Called where it happens: on a socket's reading thread, a dispatch thread, or
	 * the engine's thread (duplicates of a handover); never block or call the client
	 * here.
	 * @param topic the topic, or {@code null} when no subscription wants the topic the
	 * server named
	 * @param reason {@link DropReason#QUEUE_FULL} (a slow handler's oldest message),
	 * {@link DropReason#DECODE_ERROR}, {@link DropReason#NO_SUBSCRIBER}, or
	 * {@link DropReason#DUPLICATE} (suppressed during a RECONNECT handover)
	 * @param count how many, usually 1 (a handover reports its suppressed duplicates at
	 * once)
	 */
	default void messageDropped(@Nullable Topic topic, DropReason reason, long count) {
	}

	/**
	 * A LISTEN got its answer, or none in time.
	 * @param topic the topic
	 * @param error {@code null} for success, the server's error code, or {@code timeout}
	 * @param elapsed from sending to the answer (or from the {@code listen*} call to its
	 * timeout)
	 */
	default void listenCompleted(Topic topic, @Nullable String error, Duration elapsed) {
	}

	/**
	 * A socket is being replaced.
	 * @param connectionId the socket's id
	 * @param cause {@link ReconnectCause#SERVER_RECONNECT} (RECONNECT),
	 * {@link ReconnectCause#PONG_TIMEOUT}, {@link ReconnectCause#CLOSED} (by the server),
	 * {@link ReconnectCause#ERROR}, {@link ReconnectCause#CONNECT_FAILED},
	 * {@link ReconnectCause#SEND_STALLED} (the server stopped reading), or
	 * {@link ReconnectCause#REQUESTED} ({@link PubSubClient#reconnect(String)})
	 */
	default void reconnecting(String connectionId, ReconnectCause cause) {
	}

	/**
	 * A PONG arrived.
	 * @param connectionId the socket's id
	 * @param roundTrip the time since its PING
	 */
	default void pongReceived(String connectionId, Duration roundTrip) {
	}

}
