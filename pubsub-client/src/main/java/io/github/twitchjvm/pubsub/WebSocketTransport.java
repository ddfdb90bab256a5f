package io.github.twitchjvm.pubsub;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import org.jspecify.annotations.Nullable;

/**
 * The WebSocket client the pool connects with: the one the application gave, or Spring's
 * {@link StandardWebSocketClient} over Tomcat's JSR-356 client, owned by the client and released on stop.
 */
final class WebSocketTransport implements AutoCloseable {

	/** Most PubSub messages fit whole: they take the path without copying. */
	static final int TEXT_BUFFER_CHARACTERS = 8 * 1024;

	/** PubSub sends text only. */
	static final int BINARY_BUFFER_BYTES = 1024;

	private final WebSocketClient client;

	private final @Nullable WsWebSocketContainer ownedContainer;

	private final @Nullable ExecutorService ownedConnectExecutor;

	private WebSocketTransport(WebSocketClient client, @Nullable WsWebSocketContainer container,
			@Nullable ExecutorService connectExecutor) {
		this.client = client;
		this.ownedContainer = container;
		this.ownedConnectExecutor = connectExecutor;
	}

	static WebSocketTransport of(@Nullable WebSocketClient given, int maxMessageSize) {
		if (given != null) {
			return new WebSocketTransport(given, null, null);
		}
		WsWebSocketContainer container = new WsWebSocketContainer();
		// Tomcat allocates these buffers whole for every socket. Messages arrive in parts when larger (the socket
		// puts them together up to maxMessageSize), so small buffers cost nothing but a copy for the rare big one.
		container.setDefaultMaxTextMessageBufferSize(Math.min(maxMessageSize, TEXT_BUFFER_CHARACTERS));
		container.setDefaultMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
		// Connecting blocks; one small pool keeps the thread count fixed however many sockets reconnect.
		ExecutorService connectExecutor = Executors.newFixedThreadPool(2, new NamedThreadFactory("pubsub-connect"));
		StandardWebSocketClient client = new StandardWebSocketClient(container);
		client.setTaskExecutor(new TaskExecutorAdapter(connectExecutor));
		return new WebSocketTransport(client, container, connectExecutor);
	}

	WebSocketClient client() {
		return this.client;
	}

	@Override
	public void close() {
		if (this.ownedConnectExecutor != null) {
			this.ownedConnectExecutor.shutdownNow();
			try {
				this.ownedConnectExecutor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.ownedContainer != null) {
			// Releases Tomcat's shared I/O thread group when no other container uses it.
			this.ownedContainer.destroy();
		}
	}

}
