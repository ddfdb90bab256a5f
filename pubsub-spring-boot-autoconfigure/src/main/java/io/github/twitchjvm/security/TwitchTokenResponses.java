package io.github.twitchjvm.security;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.twitchjvm.core.log.LogText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Reads Twitch's token endpoint the way Twitch answers: {@code scope} is a JSON array
 * (Spring's reader expects a space-separated string and would make {@code "[bits:read,"}
 * a scope), and errors are {@code {"status":400,"message":"Invalid refresh token"}}
 * rather than OAuth's {@code {"error":"invalid_grant"}}: a refused refresh token becomes
 * {@code invalid_grant}, so that Spring Security removes the authorized client, and a
 * refused client {@code invalid_client} (Twitch answers 400 to both: the message tells
 * them apart). Every request has a 10 s deadline and follows no redirect. Twitch's
 * message is kept, escaped and cut; the request's tokens never appear in an error.
 */
final class TwitchTokenResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private TwitchTokenResponses() {
	}

	/** The refresh-token client of Spring Security, reading Twitch's answers. */
	static RestClientRefreshTokenTokenResponseClient refreshTokenClient() {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(restClient());
		return client;
	}

	/**
	 * The authorization-code client of Spring Security (a login), reading Twitch's
	 * answers.
	 */
	static RestClientAuthorizationCodeTokenResponseClient authorizationCodeClient() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(restClient());
		return client;
	}

	static RestClient restClient() {
		OAuth2AccessTokenResponseHttpMessageConverter tokens = new OAuth2AccessTokenResponseHttpMessageConverter();
		tokens.setAccessTokenResponseConverter(TwitchTokenResponses::tokenResponse);
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		// One thread serves every token request: a stalled answer must not hold it.
		requests.setReadTimeout(TIMEOUT);
		return RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters((converters) -> converters.disableDefaults()
				.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(tokens))
			.defaultStatusHandler((status) -> status.isError(), (request, response) -> {
				throw failure(response);
			})
			.build();
	}

	/** Twitch's answer with its {@code scope} array joined as OAuth expects. */
	static OAuth2AccessTokenResponse tokenResponse(Map<String, Object> parameters) {
		Map<String, Object> standard = new LinkedHashMap<>(parameters);
		Object scope = standard.get("scope");
		if (scope instanceof Collection<?> scopes) {
			standard.put("scope", scopes.stream().map(String::valueOf).collect(Collectors.joining(" ")));
		}
		OAuth2AccessTokenResponse response = new DefaultMapOAuth2AccessTokenResponseConverter().convert(standard);
		if (response == null) {
			throw new IllegalStateException("Twitch's token endpoint gave no token");
		}
		return response;
	}

	private static OAuth2AuthorizationException failure(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String message = message(new String(response.getBody().readNBytes(16 * 1024), StandardCharsets.UTF_8));
		// Twitch answers 400 both for a spent or revoked refresh token and for an unknown
		// client: only the first means the user must authorize again.
		String code = (status == 400 && message.toLowerCase(Locale.ROOT).contains("refresh token"))
				? OAuth2ErrorCodes.INVALID_GRANT : (status == 400 || status == 401 || status == 403)
						? OAuth2ErrorCodes.INVALID_CLIENT : OAuth2ErrorCodes.SERVER_ERROR;
		String description = "Twitch's token endpoint answered " + status + (message.isEmpty() ? "" : ": " + message);
		return new OAuth2AuthorizationException(new OAuth2Error(code, description, null), description);
	}

	private static String message(String body) {
		try {
			JsonNode error = JSON.readTree(body);
			return (error != null) ? LogText.safe(error.path("message").asString(""), 200) : "";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

}
