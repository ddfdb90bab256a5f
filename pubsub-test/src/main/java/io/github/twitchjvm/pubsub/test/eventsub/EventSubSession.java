package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A WebSocket session as the fake service sees it.
 *
 * @param id the session id the welcome carried
 * @param connectedAt when its first socket was welcomed
 * @param status {@code connected}, {@code reconnecting} (a {@code session_reconnect} was
 * sent and the new socket has not connected yet) or, once its socket is gone, the status
 * its subscriptions were left with, such as {@code websocket_disconnected}
 * @param keepaliveTimeoutSeconds the keepalive timeout its welcome announced
 * @param disconnectedAt when its socket went, or {@code null} while connected
 * @param subscriptions the ids of the subscriptions on this session, oldest first
 */
public record EventSubSession(String id, Instant connectedAt, String status, int keepaliveTimeoutSeconds,
		@Nullable Instant disconnectedAt, List<String> subscriptions) {

	public EventSubSession {
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * @return whether the session still has a socket
	 */
	public boolean isConnected() {
		return this.disconnectedAt == null;
	}

}
