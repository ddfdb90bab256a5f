package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code channel.chat.user_message_update} version 1: a moderator decided on a message of
 * the subscribing user that AutoMod held (the author's view). Replaces PubSub's
 * {@code user-moderation-notifications} (status changes).
 *
 * @param broadcaster the channel
 * @param user the message's sender
 * @param status the decision
 * @param messageId the held message's id
 * @param message the message
 */
public record ChatUserMessageUpdateEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, Status status, String messageId,
		ChatMessage message) implements EventSubEvent {

	public ChatUserMessageUpdateEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(message, "message");
	}

	/** What became of a held message. */
	public enum Status {

		/** Approved; it was posted. */
		APPROVED,

		/** Denied. */
		DENIED,

		/** No longer valid (for example, it expired). */
		INVALID,

		/** A status this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
