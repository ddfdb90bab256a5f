package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code channel.chat.user_message_hold} version 1: AutoMod held a message the
 * subscribing user sent (the author's view). Replaces PubSub's
 * {@code user-moderation-notifications} (held messages).
 *
 * @param broadcaster the channel
 * @param user the message's sender
 * @param messageId the held message's id
 * @param message the message
 */
public record ChatUserMessageHoldEvent(@JsonUnwrapped(prefix = "broadcaster_user_") User broadcaster,
		@JsonUnwrapped(prefix = "user_") User user, String messageId, ChatMessage message) implements EventSubEvent {

	public ChatUserMessageHoldEvent {
		Objects.requireNonNull(broadcaster, "broadcaster");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(message, "message");
	}

}
