package io.github.twitchjvm.pubsub.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the Spring {@code WebSocketClient} bean the auto-configured client connects
 * through, adapted by
 * {@link io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport}: for an
 * application that wants PubSub on the JSR-356 container (and its TLS or proxy settings)
 * it already has. Other {@code WebSocketClient} beans are never used. A
 * {@link io.github.twitchjvm.core.transport.WebSocketTransport} bean takes precedence;
 * without either, the client uses the JDK's own WebSocket.
 *
 * <pre class="code">
 * &#64;Bean
 * &#64;TwitchWebSocketClient
 * WebSocketClient twitchWebSocketClient() {
 *     return new StandardWebSocketClient();
 * }
 * </pre>
 *
 * <p>
 * The client is not configured, started or stopped by the integration.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface TwitchWebSocketClient {

}
