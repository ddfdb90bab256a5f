package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

/**
 * A chat badge shown next to a user's name.
 *
 * @param setId the badge set, for example {@code subscriber} or {@code moderator}
 * @param id the version within the set, for example {@code 12}
 * @param info metadata of the badge (the subscriber badge's number of months), empty when
 * there is none
 */
public record Badge(String setId, String id, String info) {

	public Badge {
		Objects.requireNonNull(setId, "setId");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(info, "info");
	}

}
