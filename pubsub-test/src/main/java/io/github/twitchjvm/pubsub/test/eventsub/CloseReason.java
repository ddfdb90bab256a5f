package io.github.twitchjvm.pubsub.test.eventsub;

import org.jspecify.annotations.Nullable;

/**
 * Twitch's EventSub close codes, their reasons and the status each leaves the session's
 * subscriptions with (eventsub.md, section 1.6).
 */
enum CloseReason {

	INTERNAL_SERVER_ERROR(4000, "internal server error", "websocket_internal_error"),

	INBOUND_TRAFFIC(4001, "sent inbound traffic", "websocket_received_inbound_traffic"),

	PING_PONG(4002, "failed ping-pong", "websocket_failed_ping_pong"),

	CONNECTION_UNUSED(4003, "connection unused", "websocket_connection_unused"),

	RECONNECT_GRACE_EXPIRED(4004, "reconnect grace time expired", "websocket_failed_to_reconnect"),

	NETWORK_TIMEOUT(4005, "network timeout", "websocket_network_timeout"),

	NETWORK_ERROR(4006, "network error", "websocket_network_error"),

	INVALID_RECONNECT(4007, "invalid reconnect", "websocket_disconnected");

	/** What a socket that goes without one of these codes leaves behind. */
	static final String DISCONNECTED = "websocket_disconnected";

	private final int code;

	private final String reason;

	private final String status;

	CloseReason(int code, String reason, String status) {
		this.code = code;
		this.reason = reason;
		this.status = status;
	}

	int code() {
		return this.code;
	}

	String reason() {
		return this.reason;
	}

	String status() {
		return this.status;
	}

	static @Nullable CloseReason of(int code) {
		for (CloseReason reason : values()) {
			if (reason.code == code) {
				return reason;
			}
		}
		return null;
	}

}
