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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baselines: the same transport as the client (Spring's {@code StandardWebSocketClient} over Tomcat) with no
 * PubSub logic. It counts MESSAGE frames on the reading thread, optionally after a naive three-layer decode of each
 * whisper (frame, {@code data.message}, the whisper's {@code data}) with Jackson trees.
 */
final class BareClient extends AbstractWebSocketHandler implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final boolean decode;

	private final LongAdder messages = new LongAdder();

	private final CompletableFuture<Void> listening = new CompletableFuture<>();

	private final WsWebSocketContainer container = new WsWebSocketContainer();

	private volatile long sink;

	private volatile org.HdrHistogram.@org.jspecify.annotations.Nullable Histogram latency;

	private WebSocketSession session;

	BareClient(boolean decode) {
		this.decode = decode;
		this.container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
	}

	BareClient listen(URI uri, String topic, String token) throws Exception {
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
			JsonNode outer = JSON.readTree(frame);
			JsonNode inner = JSON.readTree(outer.get("data").get("message").asString());
			JsonNode whisper = JSON.readTree(inner.get("data").asString());
			this.sink += whisper.size();
			org.HdrHistogram.Histogram histogram = this.latency;
			if (histogram != null && whisper.has("nonce")) {
				long sent = Long.parseLong(whisper.get("nonce").asString());
				histogram.recordValue(Math.max(0, System.nanoTime() - sent));
			}
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

	/** Records send-to-receive times of stamped whispers (the decoding variant only), on the reading thread. */
	void recordLatency(org.HdrHistogram.Histogram histogram) {
		this.latency = histogram;
	}

	long messages() {
		return this.messages.sum();
	}

	void reset() {
		this.messages.reset();
	}

	@Override
	public void close() throws Exception {
		if (this.session != null) {
			this.session.close();
		}
		this.container.destroy();
	}

}
