package io.github.twitchjvm.eventsub.autoconfigure;

import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.eventsub.EventSubClient;
import org.jspecify.annotations.Nullable;

/**
 * A session was welcomed, or one was lost (its subscriptions are created again on a new
 * one).
 */
public final class EventSubSessionEvent extends EventSubClientEvent {

	private final String userId;

	private final @Nullable String sessionId;

	private final @Nullable ReconnectCause lostBecause;

	private final int closeCode;

	EventSubSessionEvent(EventSubClient client, String userId, @Nullable String sessionId,
			@Nullable ReconnectCause lostBecause, int closeCode) {
		super(client);
		this.userId = userId;
		this.sessionId = sessionId;
		this.lostBecause = lostBecause;
		this.closeCode = closeCode;
	}

	/**
	 * The user whose subscriptions the session carries.
	 * @return the user id
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * Twitch's id of the welcomed session.
	 * @return the id, or {@code null} for a lost session
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * Whether the session was lost rather than welcomed.
	 * @return {@code true} for a lost session
	 */
	public boolean isLost() {
		return this.lostBecause != null;
	}

	/**
	 * Why the session was lost.
	 * @return the cause, or {@code null} for a welcomed session
	 */
	public @Nullable ReconnectCause getLostBecause() {
		return this.lostBecause;
	}

	/**
	 * The WebSocket close code of a lost session ({@code 1006} when there was none).
	 * @return the code, {@code 0} for a welcomed session
	 */
	public int getCloseCode() {
		return this.closeCode;
	}

	@Override
	public String toString() {
		return "EventSubSessionEvent[user " + this.userId
				+ (isLost() ? ", lost: " + this.lostBecause + " " + this.closeCode : ", welcomed") + "]";
	}

}
