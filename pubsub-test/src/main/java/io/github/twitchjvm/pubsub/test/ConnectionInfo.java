package io.github.twitchjvm.pubsub.test;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One client connection as the fake server sees it.
 *
 * @param id the server's id for the connection, such as {@code "c1"}, used to target
 * faults at it
 * @param remoteAddress the client's address and port
 * @param connectedAt when the WebSocket handshake completed
 * @param topics the topics it listens to, sorted
 * @param lastPingAt when it last sent a PING, or {@code null} if it never did
 */
public record ConnectionInfo(String id, String remoteAddress, Instant connectedAt, List<String> topics,
		@Nullable Instant lastPingAt) {

	public ConnectionInfo {
		topics = List.copyOf(topics);
	}

}
