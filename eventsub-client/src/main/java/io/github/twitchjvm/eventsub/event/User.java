package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch user as an event names one, from the three fields Twitch writes with a common
 * prefix: {@code <prefix>_user_id}, {@code <prefix>_user_login} and
 * {@code <prefix>_user_name} (for example {@code broadcaster_user_id}, or {@code user_id}
 * for the plain prefix). Where Twitch may leave the user out (an anonymous cheer or
 * gift), the component is {@code @Nullable} and {@code null} when the event has no user
 * id.
 *
 * @param id the user id
 * @param login the login name
 * @param name the display name
 */
public record User(String id, String login, String name) {

	public User {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(login, "login");
		Objects.requireNonNull(name, "name");
	}

	/**
	 * The user, or {@code null} when it has no id: Jackson builds an unwrapped user even
	 * when all three fields are missing or {@code null}.
	 */
	static @Nullable User presentOrNull(@Nullable User user) {
		return (user == null || user.id().isEmpty()) ? null : user;
	}

}
