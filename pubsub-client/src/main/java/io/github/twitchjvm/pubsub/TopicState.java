package io.github.twitchjvm.pubsub;

/** Where a wanted topic stands. */
public enum TopicState {

	/**
	 * Wanted, not (yet, or again) confirmed by the server: before start, while
	 * connecting, after a drop.
	 */
	PENDING,

	/** Confirmed by the server on an open connection: messages flow. */
	ACTIVE,

	/**
	 * The server refused it, or it timed out, for good; see
	 * {@link TopicStatus#failure()}. Not re-listened.
	 */
	FAILED,

	/**
	 * Its token was revoked ({@code AUTH_REVOKED}); not re-listened until listened to
	 * again.
	 */
	REVOKED

}
