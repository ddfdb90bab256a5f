package io.github.twitchjvm.pubsub.connection;

import java.net.URI;
import java.time.Duration;

import io.github.twitchjvm.core.transport.ConnectOptions;

/**
 * What every socket of a client shares.
 *
 * @param uri the PubSub server
 * @param connect limits of the connection, including how long connecting may take
 * @param pingFrequency how often a PING goes out
 * @param pingJitter the most a PING moves earlier or later at random
 * @param pongTimeout how long a PING waits for its PONG before the socket is replaced
 * @param requestTimeout how long a request waits for its RESPONSE
 * @param maxQueuedCharacters how much may wait to be sent before the peer counts as
 * stalled
 * @param closeTimeout how long a socket the client closes waits for the server's close
 * frame
 */
public record SocketSettings(URI uri, ConnectOptions connect, Duration pingFrequency, Duration pingJitter,
		Duration pongTimeout, Duration requestTimeout, long maxQueuedCharacters, Duration closeTimeout) {

}
