package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Turns a connection of the shared port into an EventSub WebSocket when its request is
 * for {@code /ws}: the handlers after this one (the PubSub WebSocket, the HTTP endpoints)
 * make way for EventSub's. Other requests go on untouched.
 */
@ChannelHandler.Sharable
final class EventSubUpgrade extends ChannelInboundHandlerAdapter {

	static final String PATH = "/ws";

	/** Twitch's default welcome window and keepalive, and its range. */
	static final int DEFAULT_KEEPALIVE_SECONDS = 10;

	static final int MIN_KEEPALIVE_SECONDS = 10;

	static final int MAX_KEEPALIVE_SECONDS = 600;

	private final EventSubState state;

	private final int maxFramePayloadLength;

	EventSubUpgrade(EventSubState state, int maxFramePayloadLength) {
		this.state = state;
		this.maxFramePayloadLength = maxFramePayloadLength;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (!(message instanceof FullHttpRequest request)
				|| !new QueryStringDecoder(request.uri()).path().equals(PATH)) {
			context.fireChannelRead(message);
			return;
		}
		try {
			keepaliveSeconds(new QueryStringDecoder(request.uri()));
		}
		catch (IllegalArgumentException ex) {
			request.release();
			HttpAnswer.error(context, false, HttpResponseStatus.BAD_REQUEST, String.valueOf(ex.getMessage()), Map.of());
			return;
		}
		ChannelPipeline pipeline = context.pipeline();
		List<String> names = pipeline.names();
		for (String name : names.subList(names.indexOf(context.name()) + 1, names.size())) {
			if (pipeline.context(name) != null) {
				pipeline.remove(name);
			}
		}
		WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
			.websocketPath(PATH)
			.checkStartsWith(true)
			.maxFramePayloadLength(this.maxFramePayloadLength)
			.handshakeTimeoutMillis(10_000)
			// The service waits for pongs to its pings.
			.dropPongFrames(false)
			// Closing a channel must not add a close frame by itself: a dropped
			// connection has to be a bare TCP reset.
			.sendCloseFrame(null)
			.build();
		pipeline.addLast(new WebSocketServerProtocolHandler(webSocket),
				new WebSocketFrameAggregator(this.maxFramePayloadLength), new EventSubSocketHandler(this.state));
		context.fireChannelRead(request);
		pipeline.remove(context.name());
	}

	/**
	 * The keepalive timeout a connection asked for, clamped to Twitch's range as Twitch
	 * does.
	 * @throws IllegalArgumentException if it is not a whole number
	 */
	static int keepaliveSeconds(QueryStringDecoder uri) {
		List<String> values = uri.parameters().get("keepalive_timeout_seconds");
		if (values == null || values.isEmpty()) {
			return DEFAULT_KEEPALIVE_SECONDS;
		}
		long seconds;
		try {
			seconds = Long.parseLong(values.get(0).trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("keepalive_timeout_seconds must be a whole number from "
					+ MIN_KEEPALIVE_SECONDS + " to " + MAX_KEEPALIVE_SECONDS);
		}
		return (int) Math.max(MIN_KEEPALIVE_SECONDS, Math.min(MAX_KEEPALIVE_SECONDS, seconds));
	}

}
