package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

/**
 * The event of a subscription type (or version) this library has no typed record for.
 *
 * @param type the subscription type, for example {@code channel.follow}
 * @param version the subscription version, for example {@code 2}
 * @param json the event object as it arrived
 */
public record UnknownEvent(String type, String version, String json) implements EventSubEvent {

	/**
	 * Checks that no component is {@code null}.
	 * @param type the subscription type
	 * @param version the subscription version
	 * @param json the event object as it arrived
	 */
	public UnknownEvent {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(json, "json");
	}

}
