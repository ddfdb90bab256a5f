package io.github.twitchjvm.eventsub.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The tier of a subscription, written {@code "1000"}, {@code "2000"} or {@code "3000"} on
 * the wire. A Prime subscription is tier 1 (events with an {@code is_prime} flag say
 * which).
 */
public enum SubscriptionTier {

	/** Tier 1 ({@code 1000}), paid or Prime. */
	@JsonProperty("1000")
	TIER_1,

	/** Tier 2 ({@code 2000}). */
	@JsonProperty("2000")
	TIER_2,

	/** Tier 3 ({@code 3000}). */
	@JsonProperty("3000")
	TIER_3,

	/** A tier this version does not know. */
	@JsonEnumDefaultValue
	UNRECOGNIZED

}
