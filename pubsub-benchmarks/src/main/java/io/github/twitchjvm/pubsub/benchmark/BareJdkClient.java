package io.github.twitchjvm.pubsub.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.JdkWebSocketTransport;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.pubsub.protocol.OutboundFrames;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A baseline on the client's default transport, the JDK's {@code java.net.http.WebSocket}
 * (through the core's {@link JdkWebSocketTransport}), with no PubSub logic: see
 * {@link BareClient}.
 */
final class BareJdkClient implements BareClient, WebSocketListener {

	private final boolean decode;

	private final LongAdder messages = new LongAdder();

	private final CompletableFuture<Void> listening = new CompletableFuture<>();

	private final JdkWebSocketTransport transport = JdkWebSocketTransport.create();

	private volatile long sink;

	private volatile @Nullable Histogram latency;

	private @Nullable WebSocketConnection connection;

	BareJdkClient(boolean decode) {
		this.decode = decode;
	}

	@Override
	public BareClient listen(URI uri, String topic, String token) throws Exception {
		WebSocketConnection opened = this.transport
			.connect(uri, new ConnectOptions(1024 * 1024, Duration.ofSeconds(10)), this)
			.get(10, TimeUnit.SECONDS);
		this.connection = opened;
		opened.sendText(OutboundFrames.listen("bare", topic, token)).get(10, TimeUnit.SECONDS);
		this.listening.get(10, TimeUnit.SECONDS);
		return this;
	}

	@Override
	public void onText(String frame) {
		if (!this.listening.isDone() && frame.contains("\"RESPONSE\"")) {
			this.listening.complete(null);
			return;
		}
		if (this.decode) {
			this.sink += BareClient.decode(frame, this.latency);
		}
		this.messages.increment();
	}

	@Override
	public void onUnusableMessage(String reason) {
	}

	@Override
	public void onClosed(int code, String reason) {
		this.listening.completeExceptionally(new IllegalStateException("closed: " + code));
	}

	@Override
	public void onError(Throwable error) {
		this.listening.completeExceptionally(error);
	}

	@Override
	public void recordLatency(@Nullable Histogram histogram) {
		this.latency = histogram;
	}

	@Override
	public long messages() {
		return this.messages.sum();
	}

	@Override
	public void reset() {
		this.messages.reset();
	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.abort();
		}
		this.transport.close();
	}

}
