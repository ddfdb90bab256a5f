package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.github.twitchjvm.jackson.Lists;

/**
 * The {@code subscription} of a notification or revocation.
 *
 * @param id the subscription id
 * @param status the status ({@code enabled} for a notification, the reason for a
 * revocation)
 * @param type the subscription type
 * @param version the subscription version
 * @param cost what it counts against {@code max_total_cost}
 * @param condition the condition it was created with, never {@code null}
 * @param transport how its events are delivered
 * @param createdAt when it was created
 */
public record SubscriptionInfo(String id, SubscriptionStatus status, String type, String version, int cost,
		Map<String, String> condition, Transport transport, Instant createdAt) {

	public SubscriptionInfo {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(version, "version");
		condition = Lists.copyOf(condition);
		Objects.requireNonNull(transport, "transport");
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
