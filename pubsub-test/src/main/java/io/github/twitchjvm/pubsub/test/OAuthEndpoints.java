package io.github.twitchjvm.pubsub.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.test.TwitchAccounts.ClientCheck;
import io.github.twitchjvm.pubsub.test.TwitchAccounts.TokenCheck;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Twitch's OAuth endpoints, on the PubSub port: {@code GET /oauth2/authorize} (the
 * authorization code flow's page, which approves at once as the user
 * {@link TwitchAccounts#approveAuthorizationsAs(String)} chose, or denies, and sends the
 * browser back only to a redirect URI the client may use, see
 * {@link TwitchAccounts#registerRedirectUri(String, String)}), {@code POST /oauth2/token}
 * (authorization code, refresh token and client credentials grants),
 * {@code GET /oauth2/validate} and {@code POST /oauth2/revoke}, with Twitch's response
 * and error shapes ({@code scope} as a JSON array, rotating refresh tokens).
 */
@ChannelHandler.Sharable
final class OAuthEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {

	private final TwitchAccounts accounts;

	OAuthEndpoints(TwitchAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
		HttpExchange exchange = new HttpExchange(context, request);
		switch (exchange.method() + " " + exchange.path()) {
			case "GET /oauth2/authorize" -> authorize(exchange);
			case "POST /oauth2/token" -> token(exchange);
			case "GET /oauth2/validate" -> validate(exchange);
			case "POST /oauth2/revoke" -> revoke(exchange);
			default -> exchange.error(HttpResponseStatus.NOT_FOUND, "Not Found");
		}
	}

	/**
	 * The page a browser is sent to: Twitch asks the person to log in and approve; here
	 * the chosen user approves at once, and the browser goes back to the redirect URI
	 * with a code (or {@code error=access_denied}) and the state.
	 */
	private void authorize(HttpExchange exchange) {
		Map<String, String> parameters = exchange.parameters();
		String clientId = parameters.get("client_id");
		if (clientId == null || this.accounts.checkClient(clientId, null) == ClientCheck.UNKNOWN) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, "invalid client");
			return;
		}
		String redirectUri = parameters.get("redirect_uri");
		// Never redirect to a URI the client has not registered: the error page is the
		// answer, as on Twitch, so the fake cannot be used as an open redirector.
		if (redirectUri == null || !this.accounts.acceptsRedirect(clientId, redirectUri)) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, "Parameter redirect_uri does not match registered URI");
			return;
		}
		if (!"code".equals(parameters.get("response_type"))) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, "unsupported response_type");
			return;
		}
		String state = parameters.get("state");
		String scope = parameters.getOrDefault("scope", "").strip();
		List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split("\\s+"));
		String user = this.accounts.approvingUser();
		Map<String, String> answer = new LinkedHashMap<>();
		if (user == null) {
			answer.put("error", "access_denied");
			answer.put("error_description", "The user denied you access");
		}
		else {
			answer.put("code", this.accounts.issueCode(clientId, redirectUri, scopes, user));
			answer.put("scope", String.join(" ", scopes));
		}
		if (state != null) {
			answer.put("state", state);
		}
		StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
		answer.forEach((name, value) -> location.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
			.append('&'));
		exchange.redirect(location.substring(0, location.length() - 1));
	}

	/** A user's tokens as Twitch's token endpoint answers them, scopes as an array. */
	private Map<String, Object> userTokenBody(IssuedToken token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token.accessToken());
		body.put("expires_in", this.accounts.defaultLifetime().toSeconds());
		body.put("refresh_token", token.refreshToken());
		body.put("scope", token.scopes());
		body.put("token_type", "bearer");
		return body;
	}

	private void token(HttpExchange exchange) {
		Map<String, String> parameters = exchange.parameters();
		String clientId = parameters.get("client_id");
		ClientCheck client = this.accounts.checkClient(clientId, parameters.get("client_secret"));
		if (clientId == null || client == ClientCheck.UNKNOWN) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, "invalid client");
			return;
		}
		if (client == ClientCheck.WRONG_SECRET) {
			exchange.error(HttpResponseStatus.FORBIDDEN, "invalid client secret");
			return;
		}
		String grantType = parameters.getOrDefault("grant_type", "");
		switch (grantType) {
			case "refresh_token" -> {
				String refreshToken = parameters.getOrDefault("refresh_token", "");
				IssuedToken renewed = this.accounts.refresh(refreshToken, clientId);
				if (renewed == null) {
					exchange.error(HttpResponseStatus.BAD_REQUEST, "Invalid refresh token");
					return;
				}
				exchange.respond(HttpResponseStatus.OK, userTokenBody(renewed));
			}
			case "authorization_code" -> {
				IssuedToken issued = this.accounts.exchangeCode(parameters.getOrDefault("code", ""), clientId,
						parameters.get("redirect_uri"));
				if (issued == null) {
					exchange.error(HttpResponseStatus.BAD_REQUEST, "Invalid authorization code");
					return;
				}
				exchange.respond(HttpResponseStatus.OK, userTokenBody(issued));
			}
			case "client_credentials" -> {
				String scope = parameters.get("scope");
				List<String> scopes = (scope == null || scope.isBlank()) ? List.of()
						: Arrays.asList(scope.trim().split("\\s+"));
				IssuedToken token = this.accounts.issueAppToken(clientId, scopes);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("access_token", token.accessToken());
				body.put("expires_in", 60L * 24 * 3600);
				if (!scopes.isEmpty()) {
					body.put("scope", scopes);
				}
				body.put("token_type", "bearer");
				exchange.respond(HttpResponseStatus.OK, body);
			}
			case "" -> exchange.error(HttpResponseStatus.BAD_REQUEST, "missing grant_type");
			default -> exchange.error(HttpResponseStatus.BAD_REQUEST, "unsupported grant_type");
		}
	}

	private void validate(HttpExchange exchange) {
		String authorization = exchange.header(HttpHeaderNames.AUTHORIZATION);
		if (authorization == null || authorization.isBlank()) {
			exchange.error(HttpResponseStatus.UNAUTHORIZED, "missing authorization token");
			return;
		}
		String[] parts = authorization.trim().split("\\s+", 2);
		String token = (parts.length == 2
				&& (parts[0].equalsIgnoreCase("OAuth") || parts[0].equalsIgnoreCase("Bearer"))) ? parts[1] : null;
		TokenCheck check = this.accounts.check(token);
		IssuedToken issued = check.token();
		if (!check.isValid() || issued == null) {
			exchange.error(HttpResponseStatus.UNAUTHORIZED, "invalid access token");
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("client_id", issued.clientId());
		if (!issued.isAppToken()) {
			body.put("login", issued.login());
		}
		body.put("scopes", issued.scopes());
		if (!issued.isAppToken()) {
			body.put("user_id", issued.userId());
		}
		body.put("expires_in", check.remaining().toSeconds());
		exchange.respond(HttpResponseStatus.OK, body);
	}

	private void revoke(HttpExchange exchange) {
		Map<String, String> parameters = exchange.parameters();
		String clientId = parameters.get("client_id");
		if (this.accounts.checkClient(clientId, null) == ClientCheck.UNKNOWN) {
			exchange.error(HttpResponseStatus.NOT_FOUND, "client does not exist");
			return;
		}
		TokenCheck check = this.accounts.check(parameters.get("token"));
		IssuedToken issued = check.token();
		if (issued == null || !issued.clientId().equals(clientId) || !this.accounts.revoke(issued.accessToken())) {
			exchange.error(HttpResponseStatus.BAD_REQUEST, "Invalid token");
			return;
		}
		exchange.respond(HttpResponseStatus.OK, null);
	}

}
