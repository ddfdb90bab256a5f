package io.github.twitchjvm.pubsub.test;

import java.util.Map;

/**
 * Counters since the server started or was last {@linkplain FakeTwitchServer#reset()
 * reset}.
 *
 * @param connectionsAccepted WebSocket connections that completed the handshake
 * @param connectionsOpen connections open now
 * @param framesReceived text frames received from clients
 * @param pings PING frames received
 * @param responses RESPONSE frames sent, by error code ({@code ""} for success)
 * @param messagesDelivered MESSAGE frames sent to connections
 */
public record ServerStats(long connectionsAccepted, int connectionsOpen, long framesReceived, long pings,
		Map<String, Long> responses, long messagesDelivered) {

	public ServerStats {
		responses = Map.copyOf(responses);
	}

}
