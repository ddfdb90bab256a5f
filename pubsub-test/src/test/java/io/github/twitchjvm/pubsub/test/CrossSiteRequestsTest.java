package io.github.twitchjvm.pubsub.test;

import java.util.List;

import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web page open in a browser on the developer's machine must not drive the fake server:
 * not by a cross-origin request (CSRF), not by rebinding its own DNS name to 127.0.0.1.
 * Requests are written by hand, since the JDK's HTTP client does not let a test set
 * {@code Host}.
 */
@FakeTwitch
class CrossSiteRequestsTest {

	private static final String FORM = "application/x-www-form-urlencoded";

	private FakeTwitchServer server;

	private FakeTwitchFixture accounts;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.accounts = new FakeTwitchFixture(server);
	}

	@Test
	void theControlApiRefusesARequestForAnotherHostName() throws Exception {
		RawHttp.Response rebound = control().header("Host", "rebind.attacker.example:" + this.server.controlPort())
			.post("/users", "application/json", "{\"user_id\":\"990001\",\"login\":\"planted\"}");
		assertThat(rebound.status()).isEqualTo(403);
		assertThat(rebound.body()).contains("Host 'rebind.attacker.example:" + this.server.controlPort() + "'");
		assertThat(this.server.accounts().login("990001")).isNull();
		assertThat(control().header("Host", "rebind.attacker.example").get("/tokens").status()).isEqualTo(403);
	}

	@Test
	void theControlApiAnswersTheLoopbackNames() throws Exception {
		int port = this.server.controlPort();
		for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port,
				"localhost.:" + port)) {
			assertThat(control().header("Host", host).get("/stats").status()).as(host).isEqualTo(200);
		}
	}

	@Test
	void theControlApiRefusesACrossOriginRequest() throws Exception {
		String token = this.accounts.broadcasterToken.accessToken();
		String revoke = "{\"access_token\":\"" + token + "\"}";
		String host = "127.0.0.1:" + this.server.controlPort();
		for (String origin : List.of("http://attacker.example", "null", "http://localhost:" + this.server.controlPort(),
				"https://" + host)) {
			RawHttp.Response refused = control().header("Host", host)
				.header("Origin", origin)
				.post("/tokens/revoke", "text/plain", revoke);
			assertThat(refused.status()).as(origin).isEqualTo(403);
			assertThat(refused.body()).contains("Cross-origin");
		}
		assertThat(this.server.accounts().check(token).isValid()).isTrue();

		RawHttp.Response sameOrigin = control().header("Host", host)
			.header("Origin", "http://" + host)
			.post("/tokens/revoke", "application/json", revoke);
		assertThat(sameOrigin.status()).isEqualTo(200);
		assertThat(this.server.accounts().check(token).isValid()).isFalse();
	}

	@Test
	void theOAuthEndpointsRefuseOtherHostsAndOrigins() throws Exception {
		String grant = "grant_type=client_credentials&client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID + "&client_secret="
				+ TwitchAccounts.DEFAULT_CLIENT_SECRET;
		int tokens = this.server.accounts().tokens().size();
		assertThat(oauth().header("Host", "rebind.attacker.example:" + this.server.port())
			.post("/oauth2/token", FORM, grant)
			.status()).isEqualTo(403);
		assertThat(oauth().header("Host", "127.0.0.1:" + this.server.port())
			.header("Origin", "http://attacker.example")
			.post("/oauth2/token", FORM, grant)
			.status()).isEqualTo(403);
		assertThat(this.server.accounts().tokens()).hasSize(tokens);

		assertThat(
				oauth().header("Host", "localhost:" + this.server.port()).post("/oauth2/token", FORM, grant).status())
			.isEqualTo(200);
	}

	@Test
	void theWebSocketAcceptsAnyOriginAsTwitchDid() throws Exception {
		// Browser clients connect from pages of their own origin; LISTEN still needs a
		// token.
		String statusLine = oauth().header("Host", "127.0.0.1:" + this.server.port())
			.header("Origin", "http://localhost:3000")
			.header("Upgrade", "websocket")
			.header("Connection", "Upgrade")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.header("Sec-WebSocket-Version", "13")
			.statusLineOfUpgrade("/");
		assertThat(statusLine).startsWith("HTTP/1.1 101");
	}

	@Test
	void acceptsTheNamesTheOperatorAllowed() throws Exception {
		try (FakeTwitchServer named = FakeTwitchServer
			.start(FakeServerSettings.builder().allowedHosts(List.of("faketwitch")).build())) {
			assertThat(RawHttp.to(named.controlPort())
				.header("Host", "faketwitch:" + named.controlPort())
				.get("/stats")
				.status()).isEqualTo(200);
			assertThat(RawHttp.to(named.controlPort()).header("Host", "faketwitch.example").get("/stats").status())
				.isEqualTo(403);
		}
	}

	private RawHttp control() {
		return RawHttp.to(this.server.controlPort());
	}

	private RawHttp oauth() {
		return RawHttp.to(this.server.port());
	}

}
