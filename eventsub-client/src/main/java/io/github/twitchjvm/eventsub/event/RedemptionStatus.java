package io.github.twitchjvm.eventsub.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a custom reward redemption stands. */
public enum RedemptionStatus {

	/** Twitch's own "unknown" status. */
	UNKNOWN,

	/** Waiting for the broadcaster (the usual status of a new redemption). */
	UNFULFILLED,

	/** Fulfilled. */
	FULFILLED,

	/** Cancelled, and the points refunded. */
	CANCELED,

	/** A status this version does not know. */
	@JsonEnumDefaultValue
	UNRECOGNIZED

}
