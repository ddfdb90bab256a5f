package io.github.twitchjvm.security;

/**
 * A Twitch user's tokens are not at hand: the user never authorized the application (or
 * their authorization is not stored here), or Twitch refused their refresh token, so the
 * user must authorize the application again. Names the user and how to authorize, never a
 * token.
 */
public class TwitchUserNotAuthorizedException extends IllegalStateException {

	private final String userId;

	/**
	 * Creates the exception.
	 * @param userId the Twitch user
	 * @param message what happened and what to do
	 */
	public TwitchUserNotAuthorizedException(String userId, String message) {
		super(message);
		this.userId = userId;
	}

	/**
	 * The user who must authorize the application.
	 * @return the Twitch user id
	 */
	public String getUserId() {
		return this.userId;
	}

}
