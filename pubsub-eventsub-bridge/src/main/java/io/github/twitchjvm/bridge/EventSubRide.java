package io.github.twitchjvm.bridge;

import java.util.Map;
import java.util.Objects;

/**
 * One EventSub subscription a PubSub topic rides on.
 *
 * @param type the subscription type, such as {@code channel.cheer}
 * @param version its version, such as {@code 1}
 * @param condition its condition, such as {@code {broadcaster_user_id=1337}}
 */
public record EventSubRide(String type, String version, Map<String, String> condition) {

	public EventSubRide {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(version, "version");
		condition = Map.copyOf(condition);
	}

	/**
	 * The type and version as one key.
	 * @return for example {@code channel.cheer@1}
	 */
	public String key() {
		return this.type + "@" + this.version;
	}

}
