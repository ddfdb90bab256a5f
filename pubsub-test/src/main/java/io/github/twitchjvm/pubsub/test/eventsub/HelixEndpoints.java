package io.github.twitchjvm.pubsub.test.eventsub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import org.jspecify.annotations.Nullable;

/**
 * Helix's {@code /eventsub/subscriptions} (POST, GET, DELETE) under {@code /helix}, on
 * the PubSub port: the token and {@code Client-Id} checked against the fake's token
 * store, rate-limit headers on every answer, Twitch's error bodies. Other requests go on
 * to the next handler.
 */
@ChannelHandler.Sharable
final class HelixEndpoints extends ChannelInboundHandlerAdapter {

	static final String SUBSCRIPTIONS = "/helix/eventsub/subscriptions";

	private final EventSubState state;

	private final TokenLookup tokens;

	private final HelixRateLimit rateLimit;

	private final HelixFaults faults;

	HelixEndpoints(EventSubState state, TokenLookup tokens, HelixRateLimit rateLimit, HelixFaults faults) {
		this.state = state;
		this.tokens = tokens;
		this.rateLimit = rateLimit;
		this.faults = faults;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (!(message instanceof FullHttpRequest request)
				|| !new QueryStringDecoder(request.uri()).path().startsWith("/helix/")) {
			context.fireChannelRead(message);
			return;
		}
		String method = request.method().name();
		// A held request is answered later, on its channel's own thread.
		if (this.faults.keepIfHeld(method, () -> context.executor().execute(() -> {
			try {
				handle(context, request);
			}
			finally {
				request.release();
			}
		}))) {
			return;
		}
		try {
			handle(context, request);
		}
		finally {
			request.release();
		}
	}

	private void handle(ChannelHandlerContext context, FullHttpRequest request) {
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String method = request.method().name();
		String clientId = request.headers().get("Client-Id");
		HelixRateLimit.Decision decision = this.rateLimit.take((clientId != null) ? clientId : "",
				Instant.now().getEpochSecond());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Ratelimit-Limit", Integer.toString(decision.limit()));
		headers.put("Ratelimit-Remaining", Integer.toString(decision.remaining()));
		headers.put("Ratelimit-Reset", Long.toString(decision.reset()));
		try {
			if (!decision.allowed()) {
				throw new HelixException(HttpResponseStatus.TOO_MANY_REQUESTS, "Too Many Requests");
			}
			if (!uri.path().equals(SUBSCRIPTIONS)) {
				throw new HelixException(HttpResponseStatus.NOT_FOUND, "This fake server serves only " + SUBSCRIPTIONS);
			}
			HelixFaults.Failure failure = this.faults.next(method);
			if (failure != null) {
				throw new HelixException(HttpResponseStatus.valueOf(failure.status()), failure.message());
			}
			HelixToken token = authenticate(request, clientId);
			switch (method) {
				case "POST" -> HttpAnswer.send(context, keepAlive, HttpResponseStatus.ACCEPTED,
						this.state.create(token, body(request)).toString(), headers);
				case "GET" -> HttpAnswer.send(context, keepAlive, HttpResponseStatus.OK,
						this.state.list(token, parameters(uri)).toString(), headers);
				case "DELETE" -> {
					String id = parameters(uri).get("id");
					if (id == null || id.isEmpty()) {
						throw HelixException.badRequest("Missing required parameter \"id\"");
					}
					if (!this.state.delete(token, id)) {
						throw new HelixException(HttpResponseStatus.NOT_FOUND, "subscription not found");
					}
					HttpAnswer.send(context, keepAlive, HttpResponseStatus.NO_CONTENT, "", headers);
				}
				default -> throw new HelixException(HttpResponseStatus.METHOD_NOT_ALLOWED,
						"Method " + method + " is not allowed on " + SUBSCRIPTIONS);
			}
		}
		catch (HelixException ex) {
			HttpAnswer.error(context, keepAlive, ex.status(), String.valueOf(ex.getMessage()), headers);
		}
	}

	private HelixToken authenticate(FullHttpRequest request, @Nullable String clientId) {
		String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
		if (authorization == null || authorization.isBlank()) {
			throw new HelixException(HttpResponseStatus.UNAUTHORIZED, "OAuth token is missing");
		}
		String[] parts = authorization.trim().split("\\s+", 2);
		HelixToken token = (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) ? this.tokens.find(parts[1])
				: null;
		if (token == null) {
			throw new HelixException(HttpResponseStatus.UNAUTHORIZED, "Invalid OAuth token");
		}
		if (clientId == null || clientId.isEmpty()) {
			throw new HelixException(HttpResponseStatus.UNAUTHORIZED, "Client-Id header is required");
		}
		if (!token.clientId().equals(clientId)) {
			throw new HelixException(HttpResponseStatus.UNAUTHORIZED, "Client ID and OAuth token do not match");
		}
		return token;
	}

	private static JsonNode body(FullHttpRequest request) {
		String body = request.content().toString(StandardCharsets.UTF_8);
		if (body.isBlank()) {
			return NullNode.getInstance();
		}
		try {
			return EventSubJson.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw HelixException.badRequest("The request body is not valid JSON");
		}
	}

	private static Map<String, String> parameters(QueryStringDecoder uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> parameter : uri.parameters().entrySet()) {
			parameters.put(parameter.getKey(), parameter.getValue().get(0));
		}
		return parameters;
	}

}
