package io.github.twitchjvm.eventsub;

import java.util.Locale;

/**
 * Where an {@link EventSubSubscription} stands.
 */
public enum SubscriptionState {

	/**
	 * Waiting for a session, or for Twitch to accept it (again, after a lost session).
	 */
	PENDING,

	/** Twitch accepted it on the current session: notifications arrive. */
	ENABLED,

	/**
	 * Twitch revoked it ({@code revocation}): nothing more arrives and the client does
	 * not retry; {@link EventSubSubscription#revocationStatus()} says why.
	 */
	REVOKED,

	/** Twitch refused it (or it could not be placed); the client does not retry. */
	FAILED,

	/** The application unsubscribed. */
	CANCELLED;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/**
	 * @return the lower-case name, for metric tags
	 */
	public String tagValue() {
		return this.tag;
	}

}
