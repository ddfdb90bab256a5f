package io.github.twitchjvm.eventsub.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a channel treats a suspicious user. */
public enum LowTrustStatus {

	/** No treatment. */
	NONE,

	/** The user's messages are shown to moderators for monitoring. */
	ACTIVE_MONITORING,

	/** The user's messages are shown only to moderators. */
	RESTRICTED,

	/** A status this version does not know. */
	@JsonEnumDefaultValue
	UNRECOGNIZED

}
