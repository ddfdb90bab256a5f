package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code channel-bits-events-v1.<channel_id>} or
 * {@code channel-bits-events-v2.<channel_id>}: a cheer. Both versions carry the same
 * shape; only v2 says whether the cheer was anonymous.
 */
public sealed interface BitsEvent extends PubSubPayload permits BitsEvent.Cheer, BitsEvent.Unknown {

	/**
	 * {@code bits_event}: a user cheered in a channel.
	 *
	 * @param messageId the message's UUID
	 * @param version the payload version, {@code "1.0"}
	 * @param userName the cheerer's login, or {@code null} for an anonymous cheer
	 * @param channelName the channel's login
	 * @param userId the cheerer's user id, or {@code null} for an anonymous cheer
	 * @param channelId the channel's user id
	 * @param time when the cheer happened
	 * @param chatMessage the chat message with the cheermotes
	 * @param bitsUsed the bits in this cheer
	 * @param totalBitsUsed all bits this user has cheered in the channel
	 * @param isAnonymous whether the cheer was anonymous (v2; read from {@code data} or,
	 * as Twitch's documentation showed it, from the top level)
	 * @param context {@code "cheer"}
	 * @param badgeEntitlement the bits badge tier this cheer unlocked, or {@code null}
	 * @param badgeTierEntitlement the same as seen on v1 in 2023, with capitalised keys,
	 * or {@code null}
	 */
	record Cheer(@Nullable String messageId, @Nullable String version, @Nullable String userName, String channelName,
			@Nullable String userId, String channelId, Instant time, String chatMessage, int bitsUsed,
			long totalBitsUsed, boolean isAnonymous, @Nullable String context,
			@Nullable BadgeEntitlement badgeEntitlement,
			@Nullable BadgeTierEntitlement badgeTierEntitlement) implements BitsEvent {

		public Cheer {
			Objects.requireNonNull(channelName, "channelName");
			Objects.requireNonNull(channelId, "channelId");
			Objects.requireNonNull(time, "time");
			Objects.requireNonNull(chatMessage, "chatMessage");
		}

	}

	/**
	 * A message type other than {@code bits_event}.
	 *
	 * @param type the message's {@code message_type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements BitsEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * A change of bits badge tier.
	 *
	 * @param newVersion the tier now unlocked, for example {@code 10000}
	 * @param previousVersion the tier before
	 */
	record BadgeEntitlement(int newVersion, int previousVersion) {
	}

	/**
	 * {@code badge_tier_entitlement} as v1 frames carried it in 2023: {@code {"Badge":
	 * {...}, "Emoticons": null}}.
	 *
	 * @param badge the badge change, or {@code null}
	 */
	record BadgeTierEntitlement(@JsonProperty("Badge") @Nullable BadgeEntitlement badge) {
	}

}
