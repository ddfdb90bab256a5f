package io.github.twitchjvm.eventsub.helix;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.auth.AccessToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * Creates, lists and deletes EventSub subscriptions through Helix
 * ({@code POST/GET/DELETE eventsub/subscriptions}), asynchronously, with the
 * application's client id and a user's token. Redirects are never followed (a token must
 * not travel to another host), every request has a deadline, and answers are read up to a
 * bounded size. Thread-safe.
 */
public final class HelixClient {

	/** Twitch's Helix API. */
	public static final URI TWITCH_HELIX_URI = URI.create("https://api.twitch.tv/helix");

	/** Longer answers fail: Helix's subscription answers are a few hundred bytes. */
	private static final int MAX_ANSWER_BYTES = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Pages read at most by a listing: 100 pages hold far more than a user's 900. */
	private static final int MAX_PAGES = 100;

	private final URI base;

	private final String clientId;

	private final HttpClient http;

	private final Duration timeout;

	private final Observer observer;

	/**
	 * Creates a client.
	 * @param base the Helix base URI, such as {@link #TWITCH_HELIX_URI}
	 * @param clientId the application's client id, sent as {@code Client-Id}
	 * @param http the HTTP client (it must not follow redirects)
	 * @param timeout the deadline of each request
	 */
	public HelixClient(URI base, String clientId, HttpClient http, Duration timeout) {
		this(base, clientId, http, timeout, (method, status, elapsed) -> {
		});
	}

	/**
	 * Creates a client that tells an observer of every request.
	 * @param base the Helix base URI, such as {@link #TWITCH_HELIX_URI}
	 * @param clientId the application's client id, sent as {@code Client-Id}
	 * @param http the HTTP client (it must not follow redirects)
	 * @param timeout the deadline of each request
	 * @param observer told of every request's end, for metrics
	 */
	public HelixClient(URI base, String clientId, HttpClient http, Duration timeout, Observer observer) {
		String text = base.toString();
		this.base = URI.create(text.endsWith("/") ? text : text + "/");
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.http = http;
		this.timeout = timeout;
		this.observer = Objects.requireNonNull(observer, "observer");
	}

	/**
	 * A client whose HTTP client follows no redirect.
	 * @param base the Helix base URI
	 * @param clientId the application's client id
	 * @param timeout the deadline of each request
	 * @return the client
	 */
	public static HelixClient create(URI base, String clientId, Duration timeout) {
		return create(base, clientId, timeout, (method, status, elapsed) -> {
		});
	}

	/**
	 * A client whose HTTP client follows no redirect, telling an observer of every
	 * request.
	 * @param base the Helix base URI
	 * @param clientId the application's client id
	 * @param timeout the deadline of each request
	 * @param observer told of every request's end, for metrics
	 * @return the client
	 */
	public static HelixClient create(URI base, String clientId, Duration timeout, Observer observer) {
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
		return new HelixClient(base, clientId, http, timeout, observer);
	}

	/**
	 * Creates a subscription on a WebSocket session.
	 * @param token the token of the user the condition names
	 * @param type the subscription type
	 * @param version its version
	 * @param condition its condition
	 * @param sessionId the session that receives it
	 * @return completes with Twitch's answer, or exceptionally with a
	 * {@link HelixException}, or an I/O or timeout error
	 */
	public CompletableFuture<CreatedSubscription> createSubscription(AccessToken token, String type, String version,
			Map<String, String> condition, String sessionId) {
		ObjectNode body = JSON.createObjectNode();
		body.put("type", type);
		body.put("version", version);
		ObjectNode conditionNode = body.putObject("condition");
		condition.forEach(conditionNode::put);
		body.putObject("transport").put("method", "websocket").put("session_id", sessionId);
		HttpRequest request = request(token, "eventsub/subscriptions").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		String what = "POST eventsub/subscriptions " + type;
		return send(request).thenApply((response) -> {
			if (response.statusCode() != 202) {
				throw failure(what, response);
			}
			return created(what, response.body());
		});
	}

	/**
	 * Lists the subscriptions the token's user created with this client id, every page of
	 * them (at most {@value #MAX_PAGES} pages), oldest first as Twitch lists them.
	 * @param token the user's token
	 * @param status only those with this status (such as {@code enabled}), or
	 * {@code null} for all
	 * @return completes with the subscriptions, or exceptionally with a
	 * {@link HelixException}
	 */
	public CompletableFuture<List<TwitchSubscription>> listSubscriptions(AccessToken token, @Nullable String status) {
		List<TwitchSubscription> all = new ArrayList<>();
		return page(token, status, null, all, 0).thenApply((ignored) -> List.copyOf(all));
	}

	private CompletableFuture<Void> page(AccessToken token, @Nullable String status, @Nullable String after,
			List<TwitchSubscription> all, int pages) {
		StringBuilder path = new StringBuilder("eventsub/subscriptions");
		char separator = '?';
		if (status != null) {
			path.append(separator).append("status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
			separator = '&';
		}
		if (after != null) {
			path.append(separator).append("after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
		}
		HttpRequest request = request(token, path.toString()).GET().build();
		return send(request).thenCompose((response) -> {
			if (response.statusCode() != 200) {
				throw failure("GET eventsub/subscriptions", response);
			}
			String cursor = readPage(response.body(), all);
			if (cursor == null || cursor.isEmpty() || pages + 1 >= MAX_PAGES) {
				return CompletableFuture.completedFuture(null);
			}
			return page(token, status, cursor, all, pages + 1);
		});
	}

	private static @Nullable String readPage(String body, List<TwitchSubscription> all) {
		try {
			JsonNode answer = JSON.readTree(body);
			for (JsonNode data : answer.path("data")) {
				Map<String, String> condition = new LinkedHashMap<>();
				data.path("condition").properties().forEach((entry) -> {
					if (entry.getValue().isString()) {
						condition.put(entry.getKey(), entry.getValue().asString());
					}
				});
				JsonNode session = data.path("transport").path("session_id");
				all.add(new TwitchSubscription(data.path("id").asString(""), data.path("status").asString(""),
						data.path("type").asString(""), data.path("version").asString(""), condition,
						session.isString() ? session.asString() : null, data.path("cost").asInt(0)));
			}
			JsonNode cursor = answer.path("pagination").path("cursor");
			return cursor.isString() ? cursor.asString() : null;
		}
		catch (JacksonException ex) {
			throw new HelixException("GET eventsub/subscriptions", 200, "the answer is not JSON", null);
		}
	}

	/**
	 * Deletes a subscription; one Twitch no longer knows (404) counts as deleted.
	 * @param token a token of the user who created it
	 * @param id the subscription's id
	 * @return completes when it is gone, or exceptionally with a {@link HelixException}
	 */
	public CompletableFuture<Void> deleteSubscription(AccessToken token, String id) {
		HttpRequest request = request(token,
				"eventsub/subscriptions?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
			.DELETE()
			.build();
		return send(request).thenApply((response) -> {
			if (response.statusCode() != 204 && response.statusCode() != 404) {
				throw failure("DELETE eventsub/subscriptions", response);
			}
			return null;
		});
	}

	private HttpRequest.Builder request(AccessToken token, String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + token.value())
			.header("Client-Id", this.clientId);
	}

	private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
		long started = System.nanoTime();
		return this.http.sendAsync(request, (info) -> new BoundedBody(MAX_ANSWER_BYTES))
			.whenComplete((response, failure) -> {
				try {
					this.observer.completed(request.method(), (response != null) ? response.statusCode() : 0,
							Duration.ofNanos(System.nanoTime() - started));
				}
				catch (RuntimeException ex) {
					// An observer's failure must not turn Twitch's answer into an error.
				}
			});
	}

	/** Told of the end of every request, for metrics. */
	@FunctionalInterface
	public interface Observer {

		/**
		 * A request ended.
		 * @param method {@code POST}, {@code GET} or {@code DELETE}
		 * @param status the HTTP status, or {@code 0} when no answer came (an I/O error
		 * or the deadline)
		 * @param elapsed from sending to the answer or failure
		 */
		void completed(String method, int status, Duration elapsed);

	}

	private static CreatedSubscription created(String what, String body) {
		try {
			JsonNode answer = JSON.readTree(body);
			JsonNode data = answer.path("data").path(0);
			String id = data.path("id").asString("");
			if (id.isEmpty()) {
				throw new HelixException(what, 202, "the answer has no data[0].id", null);
			}
			return new CreatedSubscription(id, data.path("status").asString("enabled"), data.path("cost").asInt(0),
					answer.path("total_cost").asInt(0), answer.path("max_total_cost").asInt(0));
		}
		catch (JacksonException ex) {
			throw new HelixException(what, 202, "the answer is not JSON", null);
		}
	}

	private static HelixException failure(String what, HttpResponse<String> response) {
		return new HelixException(what, response.statusCode(), message(response.body()), rateLimitReset(response));
	}

	private static String message(String body) {
		try {
			JsonNode error = JSON.readTree(body);
			return (error != null) ? error.path("message").asString("") : "";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static @Nullable Instant rateLimitReset(HttpResponse<?> response) {
		return response.headers().firstValue("Ratelimit-Reset").map((value) -> {
			try {
				return Instant.ofEpochSecond(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}).orElse(null);
	}

}
