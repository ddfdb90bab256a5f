package io.github.twitchjvm.eventsub;

import io.github.twitchjvm.core.engine.ReconnectCause;

/**
 * Told what happens to sessions and subscriptions, for status pages and metrics. Called
 * on the client's notification thread, one call at a time; an exception is logged and
 * ignored. Every method does nothing by default.
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

}
