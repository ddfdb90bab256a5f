package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import org.jspecify.annotations.Nullable;

/**
 * Connects one EventSub WebSocket to {@link EventSubState}: a session (new, or moved here
 * by a reconnect URL) after the handshake, then pongs, forbidden data frames and the end.
 */
final class EventSubSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

	private final EventSubState state;

	private @Nullable SessionSocket socket;

	EventSubSocketHandler(EventSubState state) {
		this.state = state;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
		if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
			QueryStringDecoder uri = new QueryStringDecoder(handshake.requestUri());
			List<String> reconnect = uri.parameters().get("reconnect");
			String host = handshake.requestHeaders().get(HttpHeaderNames.HOST);
			this.socket = (reconnect != null && !reconnect.isEmpty())
					? this.state.reconnected(context.channel(), reconnect.get(0), host)
					: this.state.opened(context.channel(), EventSubUpgrade.keepaliveSeconds(uri), host);
		}
		super.userEventTriggered(context, event);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
		SessionSocket current = this.socket;
		if (current == null) {
			return;
		}
		if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
			this.state.inbound(current);
		}
		else if (frame instanceof PongWebSocketFrame) {
			this.state.pong(current);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		SessionSocket current = this.socket;
		if (current != null) {
			this.state.closed(current);
		}
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		// A broken client connection concerns that client only.
		context.close();
	}

}
