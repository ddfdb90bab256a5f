package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;

import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the PubSub server is, where tokens come from and whose they are. By default built
 * from {@code twitch.pubsub.url}, {@code access-token} and {@code user-id}; declare a
 * bean of this type to point the client somewhere else, for example at a fake server in
 * tests. Such a bean replaces those three properties.
 */
public interface PubSubConnectionDetails extends ConnectionDetails {

	/**
	 * The WebSocket URL of the PubSub server.
	 * @return the URL
	 */
	URI url();

	/**
	 * The tokens to listen with. A {@link TwitchTokenProvider} bean, when there is one,
	 * takes precedence.
	 * @return the token source, or {@code null} when these details have none
	 */
	@Nullable TwitchTokenProvider tokenProvider();

	/**
	 * The Twitch user the application acts as, usually the user of its token: a
	 * {@code @TwitchTopic} that leaves out an id (a {@code user_id}, {@code channel_id}
	 * or {@code moderator_id}) listens to this user's topic.
	 * {@code ${twitch.pubsub.user-id}} placeholders in {@code @TwitchTopic} attributes
	 * are the property's, not this.
	 * @return the user's id, or {@code null} (the default) when every
	 * {@code @TwitchTopic} names its ids
	 */
	default @Nullable String userId() {
		return null;
	}

}
