package io.github.twitchjvm.eventsub.annotation;

import java.util.Map;

/**
 * One subscription a {@link TwitchEvent} method asks for.
 *
 * @param type the subscription type
 * @param version its version
 * @param condition its condition, placeholders and expressions resolved
 */
public record EventSubscriptionKey(String type, String version, Map<String, String> condition) {

	public EventSubscriptionKey {
		condition = Map.copyOf(condition);
	}

	@Override
	public String toString() {
		return this.type + "@" + this.version + new java.util.TreeMap<>(this.condition);
	}

}
