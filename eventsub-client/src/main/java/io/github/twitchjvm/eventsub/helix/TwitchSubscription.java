package io.github.twitchjvm.eventsub.helix;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A subscription as Twitch lists it ({@code GET eventsub/subscriptions}).
 *
 * @param id Twitch's id
 * @param status such as {@code enabled} or {@code websocket_disconnected}
 * @param type the subscription type
 * @param version its version
 * @param condition its condition
 * @param sessionId the WebSocket session that receives it, or {@code null} for another
 * transport
 * @param cost what it counts against {@code max_total_cost}
 */
public record TwitchSubscription(String id, String status, String type, String version, Map<String, String> condition,
		@Nullable String sessionId, int cost) {

	public TwitchSubscription {
		condition = Map.copyOf(condition);
	}

}
