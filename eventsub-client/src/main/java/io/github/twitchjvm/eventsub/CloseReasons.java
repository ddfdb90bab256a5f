package io.github.twitchjvm.eventsub;

/**
 * EventSub's close codes (4000 to 4007) and what they mean, for logs.
 */
final class CloseReasons {

	static final int INTERNAL_SERVER_ERROR = 4000;

	static final int CLIENT_SENT_INBOUND_TRAFFIC = 4001;

	static final int CLIENT_FAILED_PING_PONG = 4002;

	static final int CONNECTION_UNUSED = 4003;

	static final int RECONNECT_GRACE_TIME_EXPIRED = 4004;

	static final int NETWORK_TIMEOUT = 4005;

	static final int NETWORK_ERROR = 4006;

	static final int INVALID_RECONNECT = 4007;

	private CloseReasons() {
	}

	static String meaning(int code) {
		return switch (code) {
			case INTERNAL_SERVER_ERROR -> "internal server error";
			case CLIENT_SENT_INBOUND_TRAFFIC -> "client sent inbound traffic";
			case CLIENT_FAILED_PING_PONG -> "client failed ping-pong";
			case CONNECTION_UNUSED -> "connection unused";
			case RECONNECT_GRACE_TIME_EXPIRED -> "reconnect grace time expired";
			case NETWORK_TIMEOUT -> "network timeout";
			case NETWORK_ERROR -> "network error";
			case INVALID_RECONNECT -> "invalid reconnect";
			case 1006 -> "no close frame";
			default -> "close code";
		};
	}

}
