package io.github.twitchjvm.pubsub.message;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a message held by AutoMod stands. */
public enum AutomodStatus {

	/** Held, waiting for a moderator. */
	PENDING,

	/** A moderator allowed it; it was posted. */
	ALLOWED,

	/** A moderator denied it. */
	DENIED,

	/** Nobody decided in time. */
	EXPIRED,

	/** A status this version does not know. */
	@JsonEnumDefaultValue
	UNRECOGNIZED

}
