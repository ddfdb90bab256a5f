package io.github.twitchjvm.pubsub;

import java.time.Duration;

import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * Told about state changes and activity of the client, for health, metrics and the application. Every method does
 * nothing by default. State callbacks run on the client's engine thread; activity callbacks run where the activity
 * happens, some on a socket's reading thread for every message: all must return quickly and never block. An
 * exception thrown here is logged (rate-limited) and otherwise ignored.
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
	 * The server revoked the token of a topic ({@code AUTH_REVOKED}): the topic is {@link TopicState#REVOKED} and
	 * will not be listened to again; the application may re-authorise the user and listen anew.
	 * @param topic the topic
	 */
	default void authorizationRevoked(Topic topic) {
	}

	// --- activity, for metrics ---

	/**
	 * A MESSAGE arrived for a topic some subscription wants. Called on the socket's reading thread, once per
	 * message, before it is queued for the handlers.
	 * @param topic the message's topic
	 */
	default void messageReceived(Topic topic) {
	}

	/**
	 * A message was not delivered to a handler (or, with {@code duplicate}, to any).
	 * @param topic the topic, or {@code null} when no subscription wants the topic the server named
	 * @param reason {@code queue_full} (a slow handler's oldest message), {@code decode_error},
	 * {@code no_subscriber}, or {@code duplicate} (suppressed during a RECONNECT handover)
	 * @param count how many, usually 1 (a handover reports its suppressed duplicates at once)
	 */
	default void messageDropped(@Nullable Topic topic, String reason, long count) {
	}

	/**
	 * A LISTEN got its answer, or none in time.
	 * @param topic the topic
	 * @param error {@code null} for success, the server's error code, or {@code timeout}
	 * @param elapsed from sending to the answer (or from the {@code listen*} call to its timeout)
	 */
	default void listenCompleted(Topic topic, @Nullable String error, Duration elapsed) {
	}

	/**
	 * A socket is being replaced.
	 * @param connectionId the socket's id
	 * @param cause {@code server_reconnect} (RECONNECT), {@code pong_timeout}, {@code closed} (by the server),
	 * {@code error}, {@code connect_failed}, or {@code requested} ({@link PubSubClient#reconnect(String)})
	 */
	default void reconnecting(String connectionId, String cause) {
	}

	/**
	 * A PONG arrived.
	 * @param connectionId the socket's id
	 * @param roundTrip the time since its PING
	 */
	default void pongReceived(String connectionId, Duration roundTrip) {
	}

}
