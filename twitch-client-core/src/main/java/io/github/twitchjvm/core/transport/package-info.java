/**
 * The WebSocket transport SPI every protocol engine talks through
 * ({@link io.github.twitchjvm.core.transport.WebSocketTransport},
 * {@link io.github.twitchjvm.core.transport.WebSocketConnection},
 * {@link io.github.twitchjvm.core.transport.WebSocketListener}), its implementation on
 * the JDK's own {@code java.net.http.WebSocket}
 * ({@link io.github.twitchjvm.core.transport.JdkWebSocketTransport}, which needs no
 * dependency), and the pieces any implementation shares: putting messages together from
 * parts up to a size limit ({@link io.github.twitchjvm.core.transport.TextAssembler}) and
 * sending without ever blocking the caller
 * ({@link io.github.twitchjvm.core.transport.OutboundQueue}); and where a client may
 * connect, given that it sends tokens there
 * ({@link io.github.twitchjvm.core.transport.EndpointPolicy}).
 */
@NullMarked
package io.github.twitchjvm.core.transport;

import org.jspecify.annotations.NullMarked;
