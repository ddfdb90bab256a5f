package io.github.twitchjvm.pubsub.message;

import java.util.Objects;

import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch user as several payloads name one: the redeeming user of a channel points
 * redemption, the moderator who changed a low-trust treatment.
 *
 * @param id the user id
 * @param login the login name; {@code null} when Twitch sent it empty (it did for a while
 * in 2023)
 * @param displayName the display name; {@code null} when Twitch sent it empty
 */
public record TwitchUser(String id, @OptionalText @Nullable String login, @OptionalText @Nullable String displayName) {

	public TwitchUser {
		Objects.requireNonNull(id, "id");
	}

}
