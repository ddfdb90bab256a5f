package io.github.twitchjvm.pubsub.test.eventsub;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * The control API's {@code /eventsub/...} routes: {@link FakeEventSub}'s operations with
 * JSON bodies. Every value is checked before it reaches the service; a bad one is
 * answered 400 with the rule it broke, never with the value.
 */
@ChannelHandler.Sharable
final class EventSubControlEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final long MAX_AGE_MS = Duration.ofDays(365).toMillis();

	private final FakeEventSub eventSub;

	EventSubControlEndpoints(FakeEventSub eventSub) {
		this.eventSub = eventSub;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		String route = request.method().name() + " " + new QueryStringDecoder(request.uri()).path();
		try {
			if (route.equals("POST /eventsub/burst")) {
				burst(context, keepAlive, body(request));
				return;
			}
			Object result = route(route, body(request));
			if (result == null) {
				HttpAnswer.error(context, keepAlive, HttpResponseStatus.NOT_FOUND, "No route " + route, Map.of());
			}
			else {
				HttpAnswer.send(context, keepAlive, HttpResponseStatus.OK,
						EventSubJson.MAPPER.writeValueAsString(result), Map.of());
			}
		}
		catch (IllegalArgumentException | IllegalStateException | JacksonException ex) {
			HttpAnswer.error(context, keepAlive, HttpResponseStatus.BAD_REQUEST, String.valueOf(ex.getMessage()),
					Map.of());
		}
		catch (RuntimeException ex) {
			// Answered all the same, and the server goes on.
			HttpAnswer.error(context, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR,
					"Failed: " + ex.getClass().getSimpleName(), Map.of());
		}
	}

	/**
	 * Answers when the burst is written, without holding this I/O thread, which may be
	 * the one that writes it.
	 */
	private void burst(ChannelHandlerContext context, boolean keepAlive, JsonNode body) {
		long started = System.nanoTime();
		int count = (int) number(body, "count", 1, 10_000_000, 1000);
		this.eventSub.burst(text(body, "subscription_id"), count, event(body)).whenComplete((sent, failure) -> {
			if (failure != null) {
				HttpAnswer.error(context, keepAlive, HttpResponseStatus.BAD_REQUEST,
						"Burst failed: " + String.valueOf(failure.getMessage()), Map.of());
				return;
			}
			HttpAnswer.send(context, keepAlive, HttpResponseStatus.OK, EventSubJson.MAPPER
				.writeValueAsString(Map.of("sent", sent, "elapsed_nanos", System.nanoTime() - started)), Map.of());
		});
	}

	private @Nullable Object route(String route, JsonNode body) {
		FakeEventSub eventSub = this.eventSub;
		return switch (route) {
			case "GET /eventsub/sessions" -> eventSub.sessions().stream().map(EventSubControlEndpoints::view).toList();
			case "GET /eventsub/subscriptions" ->
				eventSub.subscriptions().stream().map(EventSubControlEndpoints::view).toList();
			case "POST /eventsub/publish" -> {
				String event = event(body);
				Duration age = Duration.ofMillis(number(body, "age_ms", 0, MAX_AGE_MS, 0));
				String subscription = optionalText(body, "subscription_id");
				yield Map.of("message_ids",
						(subscription != null) ? List.of(eventSub.publishOld(subscription, event, age))
								: eventSub.publishOld(text(body, "type"), condition(body), event, age));
			}
			case "POST /eventsub/publish-sample" ->
				Map.of("message_ids", eventSub.publishSample(text(body, "type"), condition(body)));
			case "POST /eventsub/duplicate" -> {
				eventSub.duplicate(text(body, "message_id"));
				yield Map.of("ok", true);
			}
			case "POST /eventsub/reconnect" ->
				Map.of("reconnect_url", eventSub.reconnect(text(body, "session_id")).toString());
			case "POST /eventsub/close" -> {
				eventSub.close(text(body, "session_id"), (int) number(body, "code", 1000, 4999, 4000));
				yield Map.of("ok", true);
			}
			case "POST /eventsub/keepalives" -> {
				if (flag(body, "send")) {
					eventSub.resumeKeepalives(text(body, "session_id"));
				}
				else {
					eventSub.stopKeepalives(text(body, "session_id"));
				}
				yield Map.of("ok", true);
			}
			case "POST /eventsub/revoke" -> {
				String status = optionalText(body, "status");
				eventSub.revoke(text(body, "subscription_id"), (status != null) ? status : "authorization_revoked");
				yield Map.of("ok", true);
			}
			case "POST /eventsub/helix-errors" -> {
				String message = optionalText(body, "message");
				eventSub.failHelix(text(body, "method"), (int) number(body, "status", 400, 599, 500),
						(message != null) ? message : "Internal Server Error",
						(int) number(body, "times", 0, 1_000_000, 1));
				yield Map.of("ok", true);
			}
			case "POST /eventsub/raw" -> {
				eventSub.sendRaw(text(body, "session_id"), text(body, "text"));
				yield Map.of("ok", true);
			}
			case "POST /eventsub/drop" -> {
				eventSub.dropTcp(text(body, "session_id"));
				yield Map.of("ok", true);
			}
			case "POST /eventsub/reset" -> {
				eventSub.reset();
				yield Map.of("ok", true);
			}
			default -> null;
		};
	}

	private static Map<String, Object> view(EventSubSession session) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", session.id());
		view.put("status", session.status());
		view.put("connected_at", EventSubJson.timestamp(session.connectedAt()));
		view.put("disconnected_at",
				(session.disconnectedAt() != null) ? EventSubJson.timestamp(session.disconnectedAt()) : null);
		view.put("keepalive_timeout_seconds", session.keepaliveTimeoutSeconds());
		view.put("subscriptions", session.subscriptions());
		return view;
	}

	private static Map<String, Object> view(EventSubSubscription subscription) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", subscription.id());
		view.put("type", subscription.type());
		view.put("version", subscription.version());
		view.put("condition", subscription.condition());
		view.put("status", subscription.status());
		view.put("session_id", subscription.sessionId());
		view.put("cost", subscription.cost());
		view.put("client_id", subscription.clientId());
		view.put("user_id", subscription.userId());
		view.put("created_at", EventSubJson.timestamp(subscription.createdAt()));
		Instant disabledAt = subscription.disabledAt();
		view.put("disabled_at", (disabledAt != null) ? EventSubJson.timestamp(disabledAt) : null);
		return view;
	}

	private static JsonNode body(FullHttpRequest request) {
		String body = request.content().toString(StandardCharsets.UTF_8);
		return body.isBlank() ? EventSubJson.MAPPER.createObjectNode() : EventSubJson.MAPPER.readTree(body);
	}

	/** The event: a JSON object, or a string holding one. */
	private static String event(JsonNode body) {
		JsonNode event = body.path("event");
		if (event.isString()) {
			return event.asString();
		}
		if (!event.isObject()) {
			throw new IllegalArgumentException("'event' is required (a JSON object)");
		}
		return event.toString();
	}

	private static Map<String, String> condition(JsonNode body) {
		JsonNode condition = body.path("condition");
		if (!(condition instanceof ObjectNode object)) {
			throw new IllegalArgumentException("'condition' is required (an object of strings)");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			if (!entry.getValue().isString()) {
				throw new IllegalArgumentException("'condition' must be an object of strings");
			}
			values.put(entry.getKey(), entry.getValue().asString());
		}
		return values;
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new IllegalArgumentException("'" + field + "' is required (a non-empty string)");
		}
		return value.asString();
	}

	private static @Nullable String optionalText(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + field + "' must be a string");
		}
		return value.asString();
	}

	private static long number(JsonNode body, String field, long min, long max, long absent) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return absent;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
				|| value.longValue() > max) {
			throw new IllegalArgumentException("'" + field + "' must be a whole number from " + min + " to " + max);
		}
		return value.longValue();
	}

	private static boolean flag(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isBoolean()) {
			throw new IllegalArgumentException("'" + field + "' is required (true or false)");
		}
		return value.booleanValue();
	}

}
