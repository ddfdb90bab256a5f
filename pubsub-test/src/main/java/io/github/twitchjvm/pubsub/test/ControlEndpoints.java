package io.github.twitchjvm.pubsub.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

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
 * route. Every value is checked for type and range before it reaches the server, and
 * every request is answered: 400 for a bad value, 500 if something fails all the same.
 */
@ChannelHandler.Sharable
final class ControlEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {

	/** The most messages one burst may send to each connection. */
	static final int MAX_BURST = 1_000_000;

	/** The most LISTENs {@code /faults/listen-errors} may fail in advance. */
	static final int MAX_FAILING_LISTENS = 1_000_000;

	private static final long MAX_DURATION_MS = ServerFaults.MAX_DURATION.toMillis();

	private final FakeTwitchServer server;

	ControlEndpoints(FakeTwitchServer server) {
		this.server = server;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		HttpExchange exchange = new HttpExchange(context, request);
		if (exchange.path().startsWith("/eventsub/")) {
			// EventSub's routes are answered by its own handler, next in the pipeline.
			context.fireChannelRead(request.retain());
			return;
		}
		try {
			String route = exchange.method() + " " + exchange.path();
			if (route.equals("POST /burst")) {
				burst(exchange);
				return;
			}
			Object result = route(route, exchange);
			if (result == null) {
				exchange.error(HttpResponseStatus.NOT_FOUND, "No route " + route);
			}
			else {
				exchange.respond(HttpResponseStatus.OK, result);
			}
		}
		catch (IllegalArgumentException | IllegalStateException | JacksonException ex) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// A request that fails in an unforeseen way is still answered, and the server
			// goes on.
			exchange.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Failed: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Answers when the burst is written, without holding this I/O thread, which may be
	 * the one that writes it.
	 */
	private void burst(HttpExchange exchange) {
		JsonNode body = exchange.json();
		int count = (int) JsonInput.number(body, "count", 1, MAX_BURST, 1000);
		this.server.startBurst(JsonInput.text(body, "topic"), count, message(body)).whenComplete((result, failure) -> {
			if (failure != null) {
				exchange.error(HttpResponseStatus.BAD_REQUEST,
						"Burst failed: " + FakeTwitchServer.reason(unwrap(failure)));
				return;
			}
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("topic", result.topic());
			view.put("messages_per_connection", result.messagesPerConnection());
			view.put("connections", result.connections());
			view.put("bytes", result.bytes());
			view.put("elapsed_nanos", result.elapsed().toNanos());
			view.put("messages_per_second", result.messagesPerSecond());
			exchange.respond(HttpResponseStatus.OK, view);
		});
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
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
				server.accounts().registerUser(JsonInput.text(body, "user_id"), JsonInput.text(body, "login"));
				yield Map.of("user_id", JsonInput.text(body, "user_id"));
			}
			case "POST /clients" -> {
				JsonNode body = exchange.json();
				String clientId = JsonInput.text(body, "client_id");
				List<String> redirectUris = JsonInput.texts(body, "redirect_uris");
				server.accounts().registerClient(clientId, JsonInput.text(body, "client_secret"), redirectUris);
				yield Map.of("client_id", clientId);
			}
			case "POST /tokens" -> issueToken(exchange.json());
			case "POST /tokens/expire" ->
				Map.of("expired", server.accounts().expire(JsonInput.text(exchange.json(), "access_token")));
			case "POST /tokens/revoke" ->
				Map.of("revoked", server.accounts().revoke(JsonInput.text(exchange.json(), "access_token")));
			case "POST /publish" -> {
				JsonNode body = exchange.json();
				yield Map.of("delivered", server.publish(JsonInput.text(body, "topic"), message(body)));
			}
			case "POST /faults/reconnect" -> {
				JsonNode body = exchange.json();
				long closeAfterMs = JsonInput.number(body, "close_after_ms", 0, MAX_DURATION_MS,
						server.settings().reconnectGracePeriod().toMillis());
				yield Map.of("connections", faults.sendReconnect(connection(body),
						JsonInput.flag(body, "keep_open", false) ? null : Duration.ofMillis(closeAfterMs)));
			}
			case "POST /faults/close" -> {
				JsonNode body = exchange.json();
				String reason = JsonInput.optionalText(body, "reason");
				yield Map.of("connections", faults.close(connection(body),
						(int) JsonInput.number(body, "code", 1000, 4999, 1000), (reason != null) ? reason : ""));
			}
			case "POST /faults/drop" -> Map.of("connections", faults.drop(connection(exchange.json())));
			case "POST /faults/stop-reading" -> Map.of("connections", faults.stopReading(connection(exchange.json())));
			case "POST /faults/resume-reading" ->
				Map.of("connections", faults.resumeReading(connection(exchange.json())));
			case "POST /faults/raw" -> {
				JsonNode body = exchange.json();
				yield Map.of("connections", faults.sendRaw(connection(body), JsonInput.text(body, "frame")));
			}
			case "POST /faults/pings" -> {
				faults.answerPings(JsonInput.flag(exchange.json(), "answer", true));
				yield Map.of("ok", true);
			}
			case "POST /faults/responses" -> {
				// Each field changes its own setting only, so that one call does not undo
				// another's.
				JsonNode body = exchange.json();
				if (body.has("delay_ms")) {
					faults.delayResponses(Duration.ofMillis(JsonInput.number(body, "delay_ms", 0, MAX_DURATION_MS, 0)));
				}
				if (body.has("withhold")) {
					faults.withholdResponses(JsonInput.flag(body, "withhold", false));
				}
				yield Map.of("ok", true);
			}
			case "POST /faults/listen-errors" -> {
				JsonNode body = exchange.json();
				int count = (int) JsonInput.number(body, "count", 0, MAX_FAILING_LISTENS, 1);
				String error = JsonInput.optionalText(body, "error");
				faults.failNextListens(count, (error != null) ? error : "ERR_SERVER");
				yield Map.of("ok", true);
			}
			case "POST /faults/refuse-connections" -> {
				faults.refuseConnections(
						Duration.ofMillis(JsonInput.number(exchange.json(), "duration_ms", 0, MAX_DURATION_MS, 0)));
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
		List<String> scopes = JsonInput.texts(body, "scopes");
		Duration lifetime = Duration.ofSeconds(JsonInput.number(body, "expires_in", 1,
				TwitchAccounts.MAX_TOKEN_LIFETIME.toSeconds(), this.server.settings().tokenLifetime().toSeconds()));
		IssuedToken token = this.server.accounts().issueToken(JsonInput.text(body, "user_id"), scopes, lifetime);
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
		return JsonInput.optionalText(body, "connection");
	}

}
