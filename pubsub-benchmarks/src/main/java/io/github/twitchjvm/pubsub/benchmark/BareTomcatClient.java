package io.github.twitchjvm.pubsub.benchmark;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.pubsub.protocol.OutboundFrames;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * A baseline on Spring's {@code StandardWebSocketClient} over Tomcat (the client's
 * transport until the engine redesign, with a buffer large enough for whole messages)
 * with no PubSub logic: see {@link BareClient}.
 */
final class BareTomcatClient extends AbstractWebSocketHandler implements BareClient {

	private final boolean decode;

	private final LongAdder messages = new LongAdder();

	private final CompletableFuture<Void> listening = new CompletableFuture<>();

	private final WsWebSocketContainer container = new WsWebSocketContainer();

	private volatile long sink;

	private volatile org.HdrHistogram.@org.jspecify.annotations.Nullable Histogram latency;

	private WebSocketSession session;

	BareTomcatClient(boolean decode) {
		this.decode = decode;
		this.container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
	}

	@Override
	public BareClient listen(URI uri, String topic, String token) throws Exception {
		this.session = new StandardWebSocketClient(this.container).execute(this, new WebSocketHttpHeaders(), uri)
			.get(10, TimeUnit.SECONDS);
		this.session.sendMessage(new TextMessage(OutboundFrames.listen("bare", topic, token)));
		this.listening.get(10, TimeUnit.SECONDS);
		return this;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		String frame = message.getPayload();
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
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		super.handleMessage(session, message);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.listening.completeExceptionally(new IllegalStateException("closed: " + status));
	}

	@Override
	public void recordLatency(org.HdrHistogram.@org.jspecify.annotations.Nullable Histogram histogram) {
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
	public void close() throws java.io.IOException {
		if (this.session != null) {
			this.session.close();
		}
		this.container.destroy();
	}

}
