package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a subscription's events are delivered.
 *
 * @param method {@code websocket}, {@code conduit} or {@code webhook}
 * @param sessionId the WebSocket session, or {@code null}
 * @param conduitId the conduit, or {@code null}
 * @param callback the webhook's URL, or {@code null}
 * @param connectedAt when the WebSocket connected, or {@code null} when not sent
 * @param disconnectedAt when the WebSocket disconnected, or {@code null}
 */
public record Transport(String method, @Nullable String sessionId, @Nullable String conduitId,
		@Nullable String callback, @Nullable Instant connectedAt, @Nullable Instant disconnectedAt) {

	public Transport {
		Objects.requireNonNull(method, "method");
	}

}
