package io.github.twitchjvm.pubsub.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake server's HTTP control API, called from the test's JVM. A request the server
 * refuses (400) is an {@link IllegalArgumentException} with the server's explanation, as
 * the in-process API would throw; anything else that fails is an
 * {@link IllegalStateException}. Every request has a deadline.
 */
final class ControlApi {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The control API's JSON: snake_case names, the view records of the server module.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Supplier<URI> base;

	private final HttpClient http;

	/**
	 * @param base the control API's address, known once the container runs
	 */
	ControlApi(Supplier<URI> base) {
		this.base = base;
		this.http = SharedClient.HTTP;
	}

	JsonNode get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), path);
	}

	JsonNode post(String path, Map<String, ?> body) {
		String json = JSON.writeValueAsString(body);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), path);
	}

	<T> T get(String path, Class<T> type) {
		return read(get(path), JSON.constructType(type), path);
	}

	<T> List<T> getList(String path, Class<T> elementType) {
		return read(get(path), JSON.getTypeFactory().constructCollectionType(List.class, elementType), path);
	}

	private <T> T read(JsonNode json, JavaType type, String path) {
		try {
			return JSON.treeToValue(json, type);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The fake server's " + path + " answered a shape this client does not "
					+ "know (is the image of another version?): " + ex.getOriginalMessage(), ex);
		}
	}

	private URI uri(String path) {
		return this.base.get().resolve(path);
	}

	private JsonNode send(HttpRequest.Builder request, String path) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The fake server's control API did not answer " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the fake server's " + path, ex);
		}
		JsonNode body = parse(response.body());
		if (response.statusCode() == 400) {
			throw new IllegalArgumentException(body.path("message").asString("refused") + " (" + path + ")");
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The fake server's " + path + " answered " + response.statusCode() + ": "
					+ body.path("message").asString(""));
		}
		return body;
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return JSON.missingNode();
		}
	}

	/** One HTTP client (and its one selector thread) for every container of the JVM. */
	private static final class SharedClient {

		static final HttpClient HTTP = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.build();

	}

}
