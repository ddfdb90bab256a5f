package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

/**
 * An emote named by id and token, as Power-ups and automatic rewards carry one.
 *
 * @param id the emote id
 * @param name the human-readable emote token
 */
public record NamedEmote(String id, String name) {

	public NamedEmote {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

}
