package io.github.twitchjvm.eventsub;

import java.time.Duration;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;

import org.jspecify.annotations.Nullable;

/**
 * Told what happens to sessions and subscriptions, for status pages and metrics. Every
 * method does nothing by default; an exception is logged (rate-limited) and ignored. What
 * the engine does (sessions, subscriptions, reconnects, Helix requests) is told in order
 * on the client's notification thread, one call at a time, never on the engine's own, so
 * a listener may take its time there. Per-notification activity
 * ({@link #notificationReceived}, {@link #notificationDropped}) is told where it happens,
 * on a socket's reading thread, a dispatch thread or the engine's thread: those must
 * return quickly and never block or call the client.
 */
public interface EventSubListener {

	/**
	 * A session was welcomed.
	 * @param userId the user whose subscriptions it carries
	 * @param sessionId Twitch's session id
	 */
	default void sessionOpened(String userId, String sessionId) {
	}

	/**
	 * A session ended without the client asking; its subscriptions are re-created on a
	 * new one.
	 * @param userId the user whose subscriptions it carried
	 * @param cause why
	 * @param closeCode the WebSocket close code, {@code 1006} when there was none
	 */
	default void sessionLost(String userId, ReconnectCause cause, int closeCode) {
	}

	/**
	 * Twitch accepted a subscription (again, after a lost session).
	 * @param subscription the subscription
	 */
	default void subscriptionEnabled(EventSubSubscription subscription) {
	}

	/**
	 * Twitch refused a subscription, or it could not be placed; it is not retried.
	 * @param subscription the subscription
	 * @param failure why
	 */
	default void subscriptionFailed(EventSubSubscription subscription, Throwable failure) {
	}

	/**
	 * Twitch revoked a subscription; it is not retried.
	 * @param subscription the subscription
	 * @param status Twitch's reason, such as {@code authorization_revoked}
	 */
	default void subscriptionRevoked(EventSubSubscription subscription, String status) {
	}

	/**
	 * A session is being replaced: Twitch asked for a move ({@code session_reconnect},
	 * {@link ReconnectCause#SERVER_RECONNECT}) or a welcomed session was lost (any other
	 * cause, told just before {@link #sessionLost}).
	 * @param userId the user whose subscriptions it carries
	 * @param cause why
	 */
	default void reconnecting(String userId, ReconnectCause cause) {
	}

	/**
	 * A Helix request ended (creating, listing or deleting subscriptions).
	 * @param method {@code POST}, {@code GET} or {@code DELETE}
	 * @param status the HTTP status, or {@code 0} when no answer came
	 * @param elapsed from sending to the answer
	 */
	default void helixRequestCompleted(String method, int status, Duration elapsed) {
	}

	// --- activity, for metrics: where it happens, must not block ---

	/**
	 * A notification reached a handler's queue (duplicates and old messages do not).
	 * Called on the socket's reading thread (or the engine's, for a notification that
	 * arrived before Twitch's answer to the creation), once per handler: handlers of the
	 * same type and condition share one subscription at Twitch, and each is told.
	 * @param subscription the handler's subscription
	 */
	default void notificationReceived(EventSubSubscription subscription) {
	}

	/**
	 * A notification did not reach a handler.
	 * @param subscription the subscription, or {@code null} when it was dropped before
	 * routing ({@link DropReason#DUPLICATE}, {@link DropReason#TOO_OLD},
	 * {@link DropReason#NO_SUBSCRIBER})
	 * @param reason {@link DropReason#DUPLICATE} (Twitch sent it again),
	 * {@link DropReason#TOO_OLD} (older than ten minutes),
	 * {@link DropReason#NO_SUBSCRIBER} (for a subscription the client does not hold),
	 * {@link DropReason#QUEUE_FULL} (a slow handler's oldest) or
	 * {@link DropReason#DECODE_ERROR} (its event was not the typed handler's record)
	 * @param count how many, 1 for now
	 */
	default void notificationDropped(@Nullable EventSubSubscription subscription, DropReason reason, long count) {
	}

}
