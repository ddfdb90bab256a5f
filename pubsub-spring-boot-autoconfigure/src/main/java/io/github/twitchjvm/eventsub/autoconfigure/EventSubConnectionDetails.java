package io.github.twitchjvm.eventsub.autoconfigure;

import java.net.URI;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where EventSub and Helix are, which application asks, where tokens come from and whose
 * they are. By default built from {@code twitch.eventsub.*} (with the token and user of
 * {@code twitch.pubsub.*} when EventSub names none); declare a bean of this type to point
 * the client elsewhere, for example at a fake server in tests.
 */
public interface EventSubConnectionDetails extends ConnectionDetails {

	/**
	 * The EventSub WebSocket URL.
	 * @return the URL
	 */
	URI url();

	/**
	 * The Helix API's base URL.
	 * @return the URL
	 */
	URI helixUrl();

	/**
	 * The application's client id, sent to Helix with every token.
	 * @return the client id
	 */
	String clientId();

	/**
	 * The tokens to subscribe with. A {@link TwitchTokenProvider} bean, when there is
	 * one, takes precedence.
	 * @return the token source, or {@code null} when these details have none
	 */
	@Nullable TwitchTokenProvider tokenProvider();

	/**
	 * The Twitch user the application acts as: a {@code @TwitchEvent} condition that
	 * leaves out a user means this one.
	 * @return the user's id, or {@code null} when every {@code @TwitchEvent} names its
	 * users
	 */
	default @Nullable String userId() {
		return null;
	}

}
