package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.Objects;

/**
 * A message on {@code channel-bits-badge-unlocks.<channel_id>}: a user unlocked a new
 * bits badge tier and chose to share it in chat. A flat object with no discriminator.
 *
 * @param userId the user's id
 * @param userName the user's login
 * @param channelId the channel's user id
 * @param channelName the channel's login
 * @param badgeTier the tier unlocked, for example {@code 1000}
 * @param chatMessage the message the user shared with it
 * @param time when it happened
 */
public record BitsBadgeUnlock(String userId, String userName, String channelId, String channelName, int badgeTier,
		String chatMessage, Instant time) implements PubSubPayload {

	public BitsBadgeUnlock {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(userName, "userName");
		Objects.requireNonNull(channelId, "channelId");
		Objects.requireNonNull(channelName, "channelName");
		Objects.requireNonNull(chatMessage, "chatMessage");
		Objects.requireNonNull(time, "time");
	}

}
