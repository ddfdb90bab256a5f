package io.github.twitchjvm.pubsub.message;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code user-moderation-notifications.<user_id>.<channel_id>}: what
 * happened to one of the current user's own chat messages that AutoMod held.
 */
public sealed interface UserModerationEvent extends PubSubPayload
		permits UserModerationEvent.AutomodCaughtMessage, UserModerationEvent.Unknown {

	/**
	 * {@code automod_caught_message}: the user's message was held, allowed, denied or
	 * expired.
	 *
	 * @param messageId the held message's id
	 * @param status where it stands
	 */
	record AutomodCaughtMessage(String messageId, AutomodStatus status) implements UserModerationEvent {

		public AutomodCaughtMessage {
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(status, "status");
		}

	}

	/**
	 * A message type this version does not know.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements UserModerationEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

}
