package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.twitchjvm.pubsub.test.FakeTwitchFixture.BROADCASTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@FakeTwitch
class OAuthEndpointsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private FakeTwitchServer server;

	private FakeTwitchFixture accounts;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.accounts = new FakeTwitchFixture(server);
		// The server outlives each test: nobody approves until a test chooses someone.
		server.accounts().approveAuthorizationsAs(null);
	}

	@Test
	void refreshReturnsANewAccessTokenAndRotatesTheRefreshToken() throws Exception {
		String refreshToken = this.accounts.broadcasterToken.refreshToken();
		HttpResponse<String> response = post("/token",
				"grant_type=refresh_token&refresh_token=" + refreshToken + "&client_id="
						+ TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = TestSocket.JSON.readTree(response.body());
		assertThat(body.get("access_token").asString()).hasSize(30)
			.isNotEqualTo(this.accounts.broadcasterToken.accessToken());
		assertThat(body.get("refresh_token").asString()).isNotEqualTo(refreshToken);
		assertThat(body.get("expires_in").asLong()).isEqualTo(4 * 3600);
		assertThat(body.get("scope").isArray()).as("scope is a JSON array, as Twitch sends it").isTrue();
		assertThat(body.get("scope")).hasSize(TwitchAccounts.ALL_SCOPES.size());
		assertThat(body.get("token_type").asString()).isEqualTo("bearer");

		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("new", body.get("access_token").asString(), "whispers." + BROADCASTER);
			socket.expectResponse("new", "");
		}

		HttpResponse<String> reused = post("/token",
				"grant_type=refresh_token&refresh_token=" + refreshToken + "&client_id="
						+ TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(reused.body()).isEqualTo("{\"status\":400,\"message\":\"Invalid refresh token\"}");
	}

	@Test
	void rejectsUnknownClientsAndWrongSecrets() throws Exception {
		String refresh = "grant_type=refresh_token&refresh_token=" + this.accounts.broadcasterToken.refreshToken();
		HttpResponse<String> unknown = post("/token", refresh + "&client_id=nobody&client_secret=x");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).isEqualTo("{\"status\":400,\"message\":\"invalid client\"}");
		HttpResponse<String> wrongSecret = post("/token",
				refresh + "&client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret=wrong");
		assertThat(wrongSecret.statusCode()).isEqualTo(403);
		assertThat(wrongSecret.body()).isEqualTo("{\"status\":403,\"message\":\"invalid client secret\"}");
		HttpResponse<String> noGrant = post("/token", "client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID
				+ "&client_secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(noGrant.statusCode()).isEqualTo(400);
	}

	@Test
	void issuesAppTokensThatPubSubRefuses() throws Exception {
		HttpResponse<String> response = post("/token", "grant_type=client_credentials&client_id="
				+ TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret=" + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = TestSocket.JSON.readTree(response.body());
		assertThat(body.has("refresh_token")).isFalse();
		String appToken = body.get("access_token").asString();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("app", appToken, "whispers." + BROADCASTER);
			socket.expectResponse("app", "ERR_BADAUTH");
		}
		JsonNode validated = TestSocket.JSON.readTree(validate("OAuth " + appToken).body());
		assertThat(validated.has("user_id")).isFalse();
		assertThat(validated.get("client_id").asString()).isEqualTo(TwitchAccounts.DEFAULT_CLIENT_ID);
	}

	@Test
	void validatesTokens() throws Exception {
		HttpResponse<String> valid = validate("OAuth " + this.accounts.broadcasterToken.accessToken());
		assertThat(valid.statusCode()).isEqualTo(200);
		JsonNode body = TestSocket.JSON.readTree(valid.body());
		assertThat(body.get("client_id").asString()).isEqualTo(TwitchAccounts.DEFAULT_CLIENT_ID);
		assertThat(body.get("login").asString()).isEqualTo("dallas");
		assertThat(body.get("user_id").asString()).isEqualTo(BROADCASTER);
		assertThat(body.get("scopes")).hasSize(TwitchAccounts.ALL_SCOPES.size());
		assertThat(body.get("expires_in").asLong()).isBetween(4 * 3600L - 60, 4 * 3600L);

		HttpResponse<String> invalid = validate("OAuth nope");
		assertThat(invalid.statusCode()).isEqualTo(401);
		assertThat(invalid.body()).isEqualTo("{\"status\":401,\"message\":\"invalid access token\"}");

		this.server.accounts().expire(this.accounts.moderatorToken.accessToken());
		assertThat(validate("OAuth " + this.accounts.moderatorToken.accessToken()).statusCode()).isEqualTo(401);

		HttpResponse<String> missing = this.http.send(HttpRequest.newBuilder(uri("/validate")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.body()).contains("missing authorization token");
	}

	@Test
	void revokingATokenSendsAuthRevokedForItsTopics() throws Exception {
		IssuedToken other = this.server.accounts().issueToken(BROADCASTER, List.of("bits:read"));
		String token = this.accounts.broadcasterToken.accessToken();
		try (TestSocket socket = TestSocket.connect(this.server)) {
			socket.listen("a", token, "whispers." + BROADCASTER, "channel-points-channel-v1." + BROADCASTER);
			socket.expectResponse("a", "");
			socket.listen("b", other.accessToken(), "channel-bits-events-v2." + BROADCASTER);
			socket.expectResponse("b", "");

			HttpResponse<String> response = post("/revoke",
					"client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID + "&token=" + token);
			assertThat(response.statusCode()).isEqualTo(200);

			JsonNode revoked = socket.next();
			assertThat(revoked.get("type").asString()).isEqualTo("AUTH_REVOKED");
			assertThat(revoked.get("data").get("topics")).extracting(JsonNode::asString)
				.containsExactly("channel-points-channel-v1." + BROADCASTER, "whispers." + BROADCASTER);
			assertThat(this.server.connections().get(0).topics())
				.containsExactly("channel-bits-events-v2." + BROADCASTER);
			assertThat(this.server.publish("whispers." + BROADCASTER, "{}")).isZero();

			socket.listen("c", token, "whispers." + BROADCASTER);
			socket.expectResponse("c", "ERR_BADAUTH");
		}
		HttpResponse<String> again = post("/revoke",
				"client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID + "&token=" + token);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).isEqualTo("{\"status\":400,\"message\":\"Invalid token\"}");
		assertThat(validate("OAuth " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void theAuthorizationCodeFlowApprovesAsTheChosenUserAndExchangesEachCodeOnce() throws Exception {
		this.server.accounts().approveAuthorizationsAs(BROADCASTER);
		String redirect = "http://127.0.0.1:8080/login/oauth2/code/twitch";
		HttpResponse<String> authorize = authorize(redirect, "bits:read user:read:whispers", "st4te");
		assertThat(authorize.statusCode()).isEqualTo(302);
		String location = authorize.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(redirect + "?code=")
			.endsWith("&scope=bits%3Aread+user%3Aread%3Awhispers&state=st4te");
		String code = location.substring((redirect + "?code=").length(), location.indexOf('&'));

		String exchange = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect + "&client_id="
				+ TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret=";
		assertThat(post("/token", exchange + "wrong").statusCode()).isEqualTo(403);
		HttpResponse<String> token = post("/token", exchange + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(token.statusCode()).isEqualTo(200);
		JsonNode body = TestSocket.JSON.readTree(token.body());
		assertThat(body.get("scope").isArray()).as("scope is a JSON array, as Twitch sends it").isTrue();
		assertThat(body.get("scope").valueStream().map(JsonNode::asString)).containsExactly("bits:read",
				"user:read:whispers");
		assertThat(body.get("refresh_token").asString()).hasSize(30);
		assertThat(body.get("token_type").asString()).isEqualTo("bearer");
		JsonNode validated = TestSocket.JSON.readTree(validate("OAuth " + body.get("access_token").asString()).body());
		assertThat(validated.get("user_id").asString()).isEqualTo(BROADCASTER);

		HttpResponse<String> again = post("/token", exchange + TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).isEqualTo("{\"status\":400,\"message\":\"Invalid authorization code\"}");
	}

	@Test
	void aCodeIsOnlyForTheRedirectUriItWasIssuedFor() throws Exception {
		this.server.accounts().approveAuthorizationsAs(BROADCASTER);
		String location = authorize("http://127.0.0.1:8080/callback", "bits:read", "s").headers()
			.firstValue("Location")
			.orElseThrow();
		String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
		HttpResponse<String> elsewhere = post("/token",
				"grant_type=authorization_code&code=" + code + "&redirect_uri=http://127.0.0.1:9999/callback"
						+ "&client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret="
						+ TwitchAccounts.DEFAULT_CLIENT_SECRET);
		assertThat(elsewhere.statusCode()).isEqualTo(400);
	}

	@Test
	void withoutAnApprovingUserTheRequestIsDeniedAndUnknownClientsAreRefused() throws Exception {
		HttpResponse<String> denied = authorize("http://127.0.0.1:8080/callback", "bits:read", "s1");
		assertThat(denied.statusCode()).isEqualTo(302);
		assertThat(denied.headers().firstValue("Location")).hasValue(
				"http://127.0.0.1:8080/callback?error=access_denied&error_description=The+user+denied+you+access&state=s1");
		HttpResponse<String> unknown = this.http.send(HttpRequest
			.newBuilder(uri("/authorize?response_type=code&client_id=nobody&redirect_uri=http://127.0.0.1/cb"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(400);
	}

	@Test
	void aClientWithoutRegisteredRedirectUrisIsSentBackOnlyToALoopbackHost() throws Exception {
		this.server.accounts().approveAuthorizationsAs(BROADCASTER);
		assertThat(authorize("http://localhost:41234/cb", "bits:read", "s").statusCode()).isEqualTo(302);
		assertThat(authorize("http://[::1]:41234/cb", "bits:read", "s").statusCode()).isEqualTo(302);
		for (String elsewhere : List.of("https://evil.example/cb", "http://127.0.0.1.evil.example/cb",
				"http://localhost@evil.example/cb", "javascript:alert(1)", "/relative", "http://127.0.0.1/cb#frag")) {
			HttpResponse<String> refused = authorize(elsewhere, "bits:read", "s");
			assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
			assertThat(refused.headers().firstValue("Location")).as(elsewhere).isEmpty();
			assertThat(refused.body()).contains("redirect_uri does not match registered URI");
		}
	}

	@Test
	void aClientWithRegisteredRedirectUrisIsSentBackOnlyToOneOfThem() throws Exception {
		String registered = "https://bot.example/login/oauth2/code/twitch";
		this.server.accounts().registerClient("botclient", "botsecret", List.of(registered));
		this.server.accounts().approveAuthorizationsAs(BROADCASTER);
		HttpResponse<String> approved = authorize("botclient", registered, "bits:read", "s");
		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(approved.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith(registered + "?code="));
		for (String other : List.of("http://127.0.0.1:8080/login/oauth2/code/twitch", registered + "/",
				"https://bot.example/login/oauth2/code/twitch?next=/admin")) {
			HttpResponse<String> refused = authorize("botclient", other, "bits:read", "s");
			assertThat(refused.statusCode()).as(other).isEqualTo(400);
			assertThat(refused.headers().firstValue("Location")).as(other).isEmpty();
		}
	}

	@Test
	void aRedirectUriTwitchWouldNotRegisterIsRefusedAndRegistersNothing() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.server.accounts()
				.registerClient("halfclient", "secret", List.of("https://ok.example/cb", "ftp://files.example/")))
			.withMessageContaining("absolute http or https URI");
		assertThat(this.server.accounts().checkClient("halfclient", "secret"))
			.isEqualTo(TwitchAccounts.ClientCheck.UNKNOWN);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.server.accounts().registerRedirectUri("nobody", "https://ok.example/cb"))
			.withMessageContaining("Unknown client nobody");
	}

	private HttpResponse<String> authorize(String redirect, String scope, String state)
			throws IOException, InterruptedException {
		return authorize(TwitchAccounts.DEFAULT_CLIENT_ID, redirect, scope, state);
	}

	private HttpResponse<String> authorize(String clientId, String redirect, String scope, String state)
			throws IOException, InterruptedException {
		String query = "response_type=code&client_id=" + clientId + "&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope="
				+ URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&state=" + state;
		return this.http.send(HttpRequest.newBuilder(uri("/authorize?" + query)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void unknownPathsAreNotFound() throws Exception {
		assertThat(this.http
			.send(HttpRequest.newBuilder(uri("/device")).GET().build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> validate(String authorization) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(uri("/validate")).header("Authorization", authorization).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.server.oauthUri() + path);
	}

}
