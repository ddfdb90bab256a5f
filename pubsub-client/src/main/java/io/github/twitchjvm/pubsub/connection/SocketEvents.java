package io.github.twitchjvm.pubsub.connection;

import java.time.Duration;
import java.util.List;

import io.github.twitchjvm.core.engine.ReconnectCause;

/**
 * What a {@link PubSubSocket} tells the engine about itself. Every call but
 * {@link #badFrame} comes on the engine's loop; {@link #badFrame} may come on the
 * socket's reading thread.
 */
public interface SocketEvents {

	/**
	 * The handshake succeeded: the socket can send.
	 * @param socket the socket
	 */
	void opened(PubSubSocket socket);

	/**
	 * The socket is gone: it failed to connect, the server closed it, it broke, or the
	 * client closed it ({@link PubSubSocket#closedByClient()}). Its waiting requests were
	 * abandoned before this call.
	 * @param socket the socket
	 * @param cause why, when the client did not close it on purpose
	 * @param detail what happened, for logs
	 */
	void ended(PubSubSocket socket, ReconnectCause cause, String detail);

	/**
	 * The server sent {@code RECONNECT}: it will close the socket soon.
	 * @param socket the socket
	 */
	void reconnectRequested(PubSubSocket socket);

	/**
	 * The server sent {@code AUTH_REVOKED}.
	 * @param socket the socket
	 * @param topics the topics whose authorization was revoked
	 */
	void authorizationRevoked(PubSubSocket socket, List<String> topics);

	/**
	 * A PONG answered the socket's PING.
	 * @param socket the socket
	 * @param roundTrip the time since the PING
	 */
	void pong(PubSubSocket socket, Duration roundTrip);

	/**
	 * A frame could not be used (malformed, unknown type, binary, too large); it was
	 * skipped and the socket goes on. May be called on the socket's reading thread.
	 * @param socket the socket
	 * @param reason what was wrong, safe to log
	 */
	void badFrame(PubSubSocket socket, String reason);

	/**
	 * A valid frame came that nothing waited for (a PONG without a PING, a RESPONSE whose
	 * nonce is unknown or timed out); it was skipped. Called on the loop.
	 * @param socket the socket
	 * @param reason what came, safe to log
	 */
	void unexpectedFrame(PubSubSocket socket, String reason);

}
