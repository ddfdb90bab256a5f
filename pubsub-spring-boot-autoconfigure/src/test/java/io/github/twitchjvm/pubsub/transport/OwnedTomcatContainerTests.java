package io.github.twitchjvm.pubsub.transport;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buffers of the Tomcat container that {@link SpringWebSocketTransport#overTomcat()}
 * owns, which Tomcat allocates whole for every connection: small whatever the largest
 * message (larger ones arrive in parts, see {@link SpringWebSocketTransportTests}), but
 * not so small that Tomcat reads the socket a fraction of a message at a time.
 */
class OwnedTomcatContainerTests {

	private final WsWebSocketContainer container = SpringWebSocketTransport.TomcatClient.container();

	@AfterEach
	void tearDown() {
		this.container.destroy();
	}

	@Test
	void readsTheSocketSeveralMessagesAtATime() {
		// Tomcat's client reads the socket into a buffer of the default binary message
		// size, though PubSub sends no binary message. At 1 KB a burst of 1 KB whispers
		// cost one and a half reads per message and twice the transport's CPU.
		assertThat(this.container.getDefaultMaxBinaryMessageBufferSize()).isGreaterThanOrEqualTo(8 * 1024);
	}

	@Test
	void keepsItsBuffersSmall() {
		// A connection's buffers do not follow the client's message size limit (1 MiB
		// by default): 3 MB per socket when they did.
		assertThat(this.container.getDefaultMaxTextMessageBufferSize()).isEqualTo(8 * 1024);
		assertThat(this.container.getDefaultMaxBinaryMessageBufferSize()).isLessThanOrEqualTo(16 * 1024);
	}

}
