package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.URI;

import io.github.twitchjvm.pubsub.auth.TwitchTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the PubSub server is and where tokens come from. By default built from {@code twitch.pubsub.url},
 * {@code access-token} and {@code user-id}; declare a bean of this type to point the client somewhere else, for
 * example at a fake server in tests.
 */
public interface PubSubConnectionDetails extends ConnectionDetails {

	/**
	 * The WebSocket URL of the PubSub server.
	 * @return the URL
	 */
	URI url();

	/**
	 * The tokens to listen with. A {@link TwitchTokenProvider} bean, when there is one, takes precedence.
	 * @return the token source, or {@code null} when these details have none
	 */
	@Nullable TwitchTokenProvider tokenProvider();

}
