package io.github.twitchjvm.pubsub.test;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import org.jspecify.annotations.Nullable;

/**
 * Connects one WebSocket channel to the protocol: registers it after the handshake and
 * feeds it its frames.
 */
final class PubSubFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

	private final PubSubProtocol protocol;

	private final Connections connections;

	private @Nullable ClientConnection connection;

	PubSubFrameHandler(PubSubProtocol protocol, Connections connections) {
		this.protocol = protocol;
		this.connections = connections;
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
		if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
			ClientConnection opened = new ClientConnection(this.connections.nextId(), context.channel());
			this.connection = opened;
			this.protocol.opened(opened);
		}
		super.userEventTriggered(context, event);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
		ClientConnection current = this.connection;
		if (current == null) {
			return;
		}
		if (frame instanceof TextWebSocketFrame text) {
			this.protocol.textFrame(current, text.text());
		}
		else if (frame instanceof BinaryWebSocketFrame) {
			this.protocol.binaryFrame(current);
		}
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
		ClientConnection current = this.connection;
		if (current != null) {
			current.writabilityChanged();
		}
		super.channelWritabilityChanged(context);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		ClientConnection current = this.connection;
		if (current != null) {
			this.protocol.closed(current);
		}
		super.channelInactive(context);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		// A broken client connection (reset, protocol violation) concerns that client
		// only.
		context.close();
	}

}
