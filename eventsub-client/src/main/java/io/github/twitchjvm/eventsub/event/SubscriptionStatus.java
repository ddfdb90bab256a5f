package io.github.twitchjvm.eventsub.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The status of an EventSub subscription: {@code enabled}, or why it is not (a
 * revocation's reason, a WebSocket's close).
 */
public enum SubscriptionStatus {

	/** Delivering events. */
	ENABLED,

	/** Waiting for a webhook's callback verification. */
	WEBHOOK_CALLBACK_VERIFICATION_PENDING,

	/** The user revoked the authorization. */
	AUTHORIZATION_REVOKED,

	/** The moderator in the condition is no longer a moderator. */
	MODERATOR_REMOVED,

	/** The user in the condition was deleted or banned from Twitch. */
	USER_REMOVED,

	/** The user in the condition was banned from the chat. */
	CHAT_USER_BANNED,

	/** The subscription's type and version are no longer supported. */
	VERSION_REMOVED,

	/** The type is in maintenance during its beta. */
	BETA_MAINTENANCE,

	/** The WebSocket closed. */
	WEBSOCKET_DISCONNECTED,

	/** The client did not answer pings. */
	WEBSOCKET_FAILED_PING_PONG,

	/** The client sent a data frame. */
	WEBSOCKET_RECEIVED_INBOUND_TRAFFIC,

	/** Nothing was subscribed in time. */
	WEBSOCKET_CONNECTION_UNUSED,

	/** Twitch's internal error. */
	WEBSOCKET_INTERNAL_ERROR,

	/** A network timeout. */
	WEBSOCKET_NETWORK_TIMEOUT,

	/** A network error. */
	WEBSOCKET_NETWORK_ERROR,

	/** The client did not reconnect in time. */
	WEBSOCKET_FAILED_TO_RECONNECT,

	/** A status this version does not know. */
	@JsonEnumDefaultValue
	UNRECOGNIZED

}
