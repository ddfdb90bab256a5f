/**
 * The client's WebSocket transport over Spring's {@code WebSocketClient}
 * ({@link io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport}), for
 * applications that want to connect through a JSR-356 container they already have.
 * Imports only core's transport SPI and Spring WebSocket (and, optionally, JSR-356 and
 * Tomcat's container): nothing of the integration's other packages.
 */
@NullMarked
package io.github.twitchjvm.pubsub.transport;

import org.jspecify.annotations.NullMarked;
