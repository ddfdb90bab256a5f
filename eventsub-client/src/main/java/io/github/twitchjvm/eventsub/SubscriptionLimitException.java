package io.github.twitchjvm.eventsub;

/**
 * A subscription beyond Twitch's limits for one user token (3 WebSocket sessions of 300
 * enabled subscriptions each), refused before anything was sent.
 */
public final class SubscriptionLimitException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SubscriptionLimitException(String message) {
		super(message);
	}

}
