package io.github.twitchjvm.pubsub.test.eventsub;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Writes one HTTP answer with a JSON body (or none) and extra headers. */
final class HttpAnswer {

	private HttpAnswer() {
	}

	static void send(ChannelHandlerContext context, boolean keepAlive, HttpResponseStatus status, String json,
			Map<String, String> headers) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
		if (!json.isEmpty()) {
			response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		}
		headers.forEach(response.headers()::set);
		HttpUtil.setContentLength(response, response.content().readableBytes());
		HttpUtil.setKeepAlive(response, keepAlive);
		var write = context.writeAndFlush(response);
		if (!keepAlive) {
			write.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/** Twitch's error body with the status's reason phrase as {@code error}. */
	static void error(ChannelHandlerContext context, boolean keepAlive, HttpResponseStatus status, String message,
			Map<String, String> headers) {
		send(context, keepAlive, status, EventSubJson.error(status.reasonPhrase(), status.code(), message), headers);
	}

}
