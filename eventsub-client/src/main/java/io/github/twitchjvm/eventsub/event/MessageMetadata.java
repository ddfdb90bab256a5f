package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

import org.jspecify.annotations.Nullable;

/**
 * The {@code metadata} of an EventSub WebSocket message.
 *
 * @param messageId the message id; a message Twitch sends again keeps it
 * @param messageType the kind of message
 * @param messageTimestamp when Twitch sent it, with nanoseconds
 * @param subscriptionType the subscription type, or {@code null} for session messages
 * @param subscriptionVersion the subscription version, or {@code null} for session
 * messages
 */
public record MessageMetadata(String messageId, MessageType messageType, Instant messageTimestamp,
		@Nullable String subscriptionType, @Nullable String subscriptionVersion) {

	public MessageMetadata {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(messageType, "messageType");
		Objects.requireNonNull(messageTimestamp, "messageTimestamp");
	}

	/** The kinds of EventSub WebSocket message. */
	public enum MessageType {

		/** The first message on a connection, with the session. */
		SESSION_WELCOME,

		/** Sent when no notification came for the keepalive interval. */
		SESSION_KEEPALIVE,

		/** An event of a subscription. */
		NOTIFICATION,

		/** Twitch asks the client to connect to another URL. */
		SESSION_RECONNECT,

		/** A subscription was revoked. */
		REVOCATION,

		/** A message type this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

}
