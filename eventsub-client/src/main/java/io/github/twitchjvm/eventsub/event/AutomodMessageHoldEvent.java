package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code automod.message.hold} version 2: AutoMod held a message for review. Replaces
 * PubSub's {@code automod-queue} (held messages).
 *
 * @param broadcaster the channel
 * @param user the message's sender
 * @param messageId the held message's id
 * @param message the message
 * @param reason what caught it
 * @param automod what the classifier found, or {@code null} when a blocked term caught it
 * @param blockedTerm the blocked terms found, or {@code null} when the classifier caught
 * it
 * @param heldAt when AutoMod held it
 */
public record AutomodMessageHoldEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, String messageId, ChatMessage message, AutomodCause.Reason reason,
		AutomodCause.@Nullable Automod automod, AutomodCause.@Nullable BlockedTerm blockedTerm,
		Instant heldAt) implements EventSubEvent {

	public AutomodMessageHoldEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(heldAt, "heldAt");
	}

}
