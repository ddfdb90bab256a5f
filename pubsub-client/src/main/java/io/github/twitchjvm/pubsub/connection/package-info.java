/**
 * One PubSub socket and what it owns: its WebSocket connection and outbound queue, its
 * PING/PONG keep-alive, and its requests waiting for their RESPONSE by nonce. A socket
 * reports upward only through the narrow interfaces declared here
 * ({@link io.github.twitchjvm.pubsub.connection.SocketEvents},
 * {@link io.github.twitchjvm.pubsub.connection.MessageRoutes},
 * {@link io.github.twitchjvm.pubsub.connection.Request}) and imports nothing of the
 * engine above it.
 *
 * <p>
 * Not API: these types are public only so that the engine in
 * {@code io.github.twitchjvm.pubsub} can use them; they may change in any release.
 */
@NullMarked
package io.github.twitchjvm.pubsub.connection;

import org.jspecify.annotations.NullMarked;
