package io.github.twitchjvm.pubsub.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import org.jspecify.annotations.Nullable;

/** One HTTP request and its answer, for the OAuth and control endpoints. */
final class HttpExchange {

	private final ChannelHandlerContext context;

	private final FullHttpRequest request;

	private final QueryStringDecoder uri;

	private final boolean keepAlive;

	HttpExchange(ChannelHandlerContext context, FullHttpRequest request) {
		this.context = context;
		this.request = request;
		this.uri = new QueryStringDecoder(request.uri());
		// Read now: an answer may be written after the request was released.
		this.keepAlive = HttpUtil.isKeepAlive(request);
	}

	String method() {
		return this.request.method().name();
	}

	String path() {
		return this.uri.path();
	}

	@Nullable String header(CharSequence name) {
		return this.request.headers().get(name);
	}

	/**
	 * Query parameters merged with an {@code application/x-www-form-urlencoded} body, as
	 * Twitch accepted both.
	 */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		this.uri.parameters().forEach((name, values) -> parameters.put(name, values.get(0)));
		String contentType = header(HttpHeaderNames.CONTENT_TYPE);
		if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
			new QueryStringDecoder(body(), StandardCharsets.UTF_8, false).parameters()
				.forEach((name, values) -> parameters.put(name, values.get(0)));
		}
		return parameters;
	}

	String body() {
		return this.request.content().toString(StandardCharsets.UTF_8);
	}

	/** The body as JSON; an empty body is JSON null. */
	JsonNode json() {
		String body = body();
		return body.isBlank() ? NullNode.getInstance() : ServerJson.MAPPER.readTree(body);
	}

	@Nullable String query(String name) {
		List<String> values = this.uri.parameters().get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	void respond(HttpResponseStatus status, @Nullable Object body) {
		String json = (body == null) ? "" : (body instanceof String text) ? text : ServerJson.text(body);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
				Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
		if (!json.isEmpty()) {
			response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		}
		HttpUtil.setContentLength(response, response.content().readableBytes());
		HttpUtil.setKeepAlive(response, this.keepAlive);
		var write = this.context.writeAndFlush(response);
		if (!this.keepAlive) {
			write.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/**
	 * A redirect, as Twitch's authorize page answers a browser.
	 * @param location where to
	 */
	void redirect(String location) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FOUND);
		response.headers().set(HttpHeaderNames.LOCATION, location);
		HttpUtil.setContentLength(response, 0);
		HttpUtil.setKeepAlive(response, this.keepAlive);
		var write = this.context.writeAndFlush(response);
		if (!this.keepAlive) {
			write.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/** Twitch's error shape: {@code {"status":400,"message":"..."}}. */
	void error(HttpResponseStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.code());
		body.put("message", message);
		respond(status, body);
	}

}
