package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.List;

import io.github.twitchjvm.core.dispatch.Dispatcher;
import io.github.twitchjvm.core.transport.JdkWebSocketTransport;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import org.jspecify.annotations.Nullable;

/**
 * What a running client holds beside its engine, started and stopped around it: the
 * transport (the application's, or a JDK transport of the client's own, closed on stop)
 * and the dispatch executor.
 */
final class ClientLifecycle {

	private final ClientSettings settings;

	private final Dispatcher dispatcher;

	private final PubSubEngine engine;

	/** The transport of the current start, or {@code null} while stopped. */
	private @Nullable WebSocketTransport transport;

	ClientLifecycle(ClientSettings settings, Dispatcher dispatcher, PubSubEngine engine) {
		this.settings = settings;
		this.dispatcher = dispatcher;
		this.engine = engine;
	}

	synchronized void start() {
		if (this.transport != null) {
			throw new IllegalStateException("The client is already started");
		}
		WebSocketTransport given = this.settings.transport();
		WebSocketTransport started = (given != null) ? given : JdkWebSocketTransport.create();
		this.dispatcher.start();
		try {
			this.engine.start(started);
		}
		catch (RuntimeException ex) {
			this.dispatcher.stop(Duration.ZERO, List::of);
			if (given == null) {
				started.close();
			}
			throw ex;
		}
		this.transport = started;
	}

	synchronized void stop() {
		WebSocketTransport started = this.transport;
		if (started == null) {
			throw new IllegalStateException("The client is not running");
		}
		this.transport = null;
		try {
			this.engine.stop();
		}
		finally {
			this.dispatcher.stop(this.settings.dispatchDrainTimeout(), this.engine::queues);
			if (this.settings.transport() == null) {
				started.close();
			}
		}
	}

}
