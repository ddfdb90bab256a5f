package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * {@code automod.message.update} version 2: a moderator approved or denied a message
 * AutoMod held, or it expired. Replaces PubSub's {@code automod-queue} (status changes).
 *
 * @param broadcaster the channel
 * @param user the message's sender
 * @param moderator the moderator who decided
 * @param messageId the held message's id
 * @param message the message
 * @param status the decision
 * @param heldAt when AutoMod held it
 * @param reason what caught it
 * @param automod what the classifier found, or {@code null} when a blocked term caught it
 * @param blockedTerm the blocked terms found, or {@code null} when the classifier caught
 * it
 */
public record AutomodMessageUpdateEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, @JsonUnwrapped(prefix = "moderator_user_") User moderator,
		String messageId, ChatMessage message, Status status, Instant heldAt, AutomodCause.Reason reason,
		AutomodCause.@Nullable Automod automod,
		AutomodCause.@Nullable BlockedTerm blockedTerm) implements EventSubEvent {

	public AutomodMessageUpdateEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(moderator, "moderator");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(heldAt, "heldAt");
		Objects.requireNonNull(reason, "reason");
	}

	/** What became of a held message. */
	public enum Status {

		/** A moderator approved it; it was posted. */
		APPROVED,

		/** A moderator denied it. */
		DENIED,

		/** Nobody decided in time. */
		EXPIRED,

		/** A status this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
