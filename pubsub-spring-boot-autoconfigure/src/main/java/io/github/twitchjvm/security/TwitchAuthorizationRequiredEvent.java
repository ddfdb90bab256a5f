package io.github.twitchjvm.security;

import org.springframework.context.ApplicationEvent;

/**
 * A Twitch user's tokens stopped working and could not be refreshed (the user
 * disconnected the application, changed their password, or the refresh token was
 * refused): their topics and subscriptions fail until the user authorizes the application
 * again. Published by the hourly token validation; names the user, never a token.
 */
public final class TwitchAuthorizationRequiredEvent extends ApplicationEvent {

	private final String userId;

	private final String reason;

	TwitchAuthorizationRequiredEvent(Object source, String userId, String reason) {
		super(source);
		this.userId = userId;
		this.reason = reason;
	}

	/**
	 * The user who must authorize the application again.
	 * @return the Twitch user id
	 */
	public String getUserId() {
		return this.userId;
	}

	/**
	 * What happened.
	 * @return a message without tokens
	 */
	public String getReason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "TwitchAuthorizationRequiredEvent[user " + this.userId + ": " + this.reason + "]";
	}

}
