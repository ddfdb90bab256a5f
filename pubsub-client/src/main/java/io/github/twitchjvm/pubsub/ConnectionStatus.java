package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One socket of the client.
 *
 * @param id the client's id for it, such as {@code "pubsub-1"}
 * @param state where it stands
 * @param stateSince since when it has been in that state
 * @param everOpen whether it has been open at least once (a socket that never opened has
 * no grace for reconnecting)
 * @param downSince since when its topics have had no open socket: when it last left
 * {@link ConnectionState#OPEN OPEN}, or, if it never opened, when its first attempt
 * failed; {@code null} while it is open, closed, or still making its first attempt.
 * Unlike {@code stateSince}, reconnect attempts do not move it, so that an outage is
 * measured from its start
 * @param topics how many topics are assigned to it
 * @param openedAt when it last opened, or {@code null} if it is not open
 * @param lastPongAt when it last received a PONG, or {@code null}
 * @param pingRoundTrip the last PING round trip, or {@code null}
 * @param reconnects how often it reconnected
 */
public record ConnectionStatus(String id, ConnectionState state, Instant stateSince, boolean everOpen,
		@Nullable Instant downSince, int topics, @Nullable Instant openedAt, @Nullable Instant lastPongAt,
		@Nullable Duration pingRoundTrip, long reconnects) {

}
