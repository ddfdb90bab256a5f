package io.github.twitchjvm.pubsub.message;

import java.util.Objects;

/**
 * A chat badge shown next to a user's name.
 *
 * @param id the badge set, for example {@code "subscriber"} or {@code "moderator"}
 * @param version the version within the set, for example {@code "12"}
 */
public record Badge(String id, String version) {

	public Badge {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(version, "version");
	}

}
