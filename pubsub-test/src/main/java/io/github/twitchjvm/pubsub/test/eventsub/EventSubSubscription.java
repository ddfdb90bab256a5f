package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A subscription as the fake service holds it.
 *
 * @param id its id
 * @param type the subscription type
 * @param version the type's version
 * @param condition the condition, keys in the order they were given
 * @param status {@code enabled}, a revocation status or the status its session's
 * disconnection left it with
 * @param sessionId the WebSocket session it delivers to
 * @param cost its cost
 * @param clientId the client id that created it
 * @param userId the user whose token created it
 * @param createdAt when it was created
 * @param disabledAt when it stopped being enabled, or {@code null}
 */
public record EventSubSubscription(String id, String type, String version, Map<String, String> condition, String status,
		String sessionId, int cost, String clientId, String userId, Instant createdAt, @Nullable Instant disabledAt) {

	public EventSubSubscription {
		condition = Collections.unmodifiableMap(new LinkedHashMap<>(condition));
	}

	/**
	 * @return whether it is enabled
	 */
	public boolean isEnabled() {
		return this.status.equals("enabled");
	}

}
