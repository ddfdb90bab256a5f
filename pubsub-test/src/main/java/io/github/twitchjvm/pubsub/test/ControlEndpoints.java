package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP control API: the same operations as {@link FakeTwitchServer}'s Java API, with
 * JSON bodies, for tests and clients written in any language. The README lists every
 * route.
 */
@ChannelHandler.Sharable
final class ControlEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {

	private final FakeTwitchServer server;

	ControlEndpoints(FakeTwitchServer server) {
		this.server = server;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		HttpExchange exchange = new HttpExchange(context, request);
		try {
			Object result = route(exchange.method() + " " + exchange.path(), exchange);
			if (result == null) {
				exchange.error(HttpResponseStatus.NOT_FOUND, "No route " + exchange.method() + " " + exchange.path());
			}
			else {
				exchange.respond(HttpResponseStatus.OK, result);
			}
		}
		catch (IllegalArgumentException | IllegalStateException | JacksonException ex) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
	}

	private @Nullable Object route(String route, HttpExchange exchange) {
		FakeTwitchServer server = this.server;
		ServerFaults faults = server.faults();
		return switch (route) {
			case "GET /connections" -> server.connections();
			case "GET /frames" -> framesOf(exchange.query("connection"));
			case "GET /stats" -> server.stats();
			case "GET /tokens" -> server.accounts().tokens().stream().map(ControlEndpoints::tokenView).toList();
			case "POST /reset" -> {
				server.reset();
				yield Map.of("reset", true);
			}
			case "POST /users" -> {
				JsonNode body = exchange.json();
				server.accounts().registerUser(required(body, "user_id"), required(body, "login"));
				yield Map.of("user_id", required(body, "user_id"));
			}
			case "POST /clients" -> {
				JsonNode body = exchange.json();
				server.accounts().registerClient(required(body, "client_id"), required(body, "client_secret"));
				yield Map.of("client_id", required(body, "client_id"));
			}
			case "POST /tokens" -> issueToken(exchange.json());
			case "POST /tokens/expire" ->
				Map.of("expired", server.accounts().expire(required(exchange.json(), "access_token")));
			case "POST /tokens/revoke" ->
				Map.of("revoked", server.accounts().revoke(required(exchange.json(), "access_token")));
			case "POST /publish" -> {
				JsonNode body = exchange.json();
				yield Map.of("delivered", server.publish(required(body, "topic"), message(body)));
			}
			case "POST /burst" -> {
				JsonNode body = exchange.json();
				BurstResult result = server.burst(required(body, "topic"), body.path("count").asInt(1000),
						message(body));
				Map<String, Object> view = new LinkedHashMap<>();
				view.put("topic", result.topic());
				view.put("messages_per_connection", result.messagesPerConnection());
				view.put("connections", result.connections());
				view.put("bytes", result.bytes());
				view.put("elapsed_nanos", result.elapsed().toNanos());
				view.put("messages_per_second", result.messagesPerSecond());
				yield view;
			}
			case "POST /faults/reconnect" -> {
				JsonNode body = exchange.json();
				Duration closeAfter = body.has("close_after_ms")
						? Duration.ofMillis(body.path("close_after_ms").asLong())
						: server.settings().reconnectGracePeriod();
				yield Map.of("connections", faults.sendReconnect(connection(body),
						body.path("keep_open").asBoolean(false) ? null : closeAfter));
			}
			case "POST /faults/close" -> {
				JsonNode body = exchange.json();
				yield Map.of("connections", faults.close(connection(body), body.path("code").asInt(1000),
						body.path("reason").asString("")));
			}
			case "POST /faults/drop" -> Map.of("connections", faults.drop(connection(exchange.json())));
			case "POST /faults/stop-reading" -> Map.of("connections", faults.stopReading(connection(exchange.json())));
			case "POST /faults/resume-reading" ->
				Map.of("connections", faults.resumeReading(connection(exchange.json())));
			case "POST /faults/raw" -> {
				JsonNode body = exchange.json();
				yield Map.of("connections", faults.sendRaw(connection(body), required(body, "frame")));
			}
			case "POST /faults/pings" -> {
				faults.answerPings(exchange.json().path("answer").asBoolean(true));
				yield Map.of("ok", true);
			}
			case "POST /faults/responses" -> {
				JsonNode body = exchange.json();
				faults.delayResponses(Duration.ofMillis(body.path("delay_ms").asLong(0)));
				faults.withholdResponses(body.path("withhold").asBoolean(false));
				yield Map.of("ok", true);
			}
			case "POST /faults/listen-errors" -> {
				JsonNode body = exchange.json();
				faults.failNextListens(body.path("count").asInt(1), body.path("error").asString("ERR_SERVER"));
				yield Map.of("ok", true);
			}
			case "POST /faults/refuse-connections" -> {
				faults.refuseConnections(Duration.ofMillis(exchange.json().path("duration_ms").asLong(0)));
				yield Map.of("ok", true);
			}
			case "POST /faults/clear" -> {
				faults.clear();
				yield Map.of("ok", true);
			}
			default -> null;
		};
	}

	private List<ReceivedFrame> framesOf(@Nullable String connectionId) {
		List<ReceivedFrame> frames = new ArrayList<>(this.server.receivedFrames());
		if (connectionId != null) {
			frames.removeIf((frame) -> !frame.connectionId().equals(connectionId));
		}
		return frames;
	}

	private Map<String, Object> issueToken(JsonNode body) {
		List<String> scopes = new ArrayList<>();
		body.path("scopes").forEach((scope) -> scopes.add(scope.asString()));
		Duration lifetime = body.has("expires_in") ? Duration.ofSeconds(body.path("expires_in").asLong())
				: this.server.settings().tokenLifetime();
		IssuedToken token = this.server.accounts().issueToken(required(body, "user_id"), scopes, lifetime);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("access_token", token.accessToken());
		view.put("refresh_token", token.refreshToken());
		view.put("expires_in", lifetime.toSeconds());
		view.put("scope", token.scopes());
		return view;
	}

	/**
	 * Tokens are test credentials of this fake server; the control API shows them masked
	 * all the same.
	 */
	private static Map<String, Object> tokenView(IssuedToken token) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("user_id", token.userId());
		view.put("login", token.login());
		view.put("client_id", token.clientId());
		view.put("scopes", token.scopes());
		view.put("expires_at", token.expiresAt().toString());
		view.put("access_token", IssuedToken.mask(token.accessToken()));
		return view;
	}

	/** The inner message: a string as it is, or any other JSON value as its text. */
	private static String message(JsonNode body) {
		JsonNode message = body.path("message");
		if (message.isMissingNode() || message.isNull()) {
			throw new IllegalArgumentException("'message' is required");
		}
		return message.isString() ? message.asString() : ServerJson.text(message);
	}

	private static @Nullable String connection(JsonNode body) {
		JsonNode connection = body.path("connection");
		return connection.isString() ? connection.asString() : null;
	}

	private static String required(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new IllegalArgumentException("'" + field + "' is required");
		}
		return value.asString();
	}

}
