package io.github.twitchjvm.eventsub.helix;

/**
 * What Twitch answered to a subscription it accepted (HTTP 202).
 *
 * @param id the subscription's id at Twitch
 * @param status its status, {@code enabled} for a WebSocket session
 * @param cost what it counts against {@code max_total_cost}
 * @param totalCost the user token's total cost now
 * @param maxTotalCost the user token's limit
 */
public record CreatedSubscription(String id, String status, int cost, int totalCost, int maxTotalCost) {
}
