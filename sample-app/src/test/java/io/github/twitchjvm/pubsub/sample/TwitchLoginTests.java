package io.github.twitchjvm.pubsub.sample;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.pubsub.sample.DemoScenario.Person;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code twitch} profile end to end against the fake server's OAuth endpoints and
 * EventSub: the application starts before the bot's user ever logged in (the page is
 * there, its data is not, nothing is subscribed at Twitch), then a browser walks the
 * login with real HTTP ({@code /oauth2/authorization/twitch}, the fake's
 * {@code /oauth2/authorize}, which approves as the bot's user, and back to
 * {@code /login/oauth2/code/twitch}), and without a restart the subscriptions are enabled
 * with the login's token and a cheer reaches its handler. The token is kept in an H2
 * file.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("twitch")
@DirtiesContext
class TwitchLoginTests {

	private static final String BOT = "100000001";

	private static final String VIEWER = "200000002";

	private static final FakeTwitchServer server = FakeTwitchServer.start();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Not there yet: the application creates it. */
	private static Path storeFolder;

	@LocalServerPort
	int port;

	@Autowired
	EventSubClient eventSub;

	@Autowired
	CheerTally cheers;

	@Autowired
	OAuth2AuthorizedClientService authorizedClients;

	@DynamicPropertySource
	static void twitch(DynamicPropertyRegistry properties) throws Exception {
		storeFolder = Files.createTempDirectory("twitch-login-test").resolve("store");
		server.accounts().registerUser(BOT, "demo_broadcaster");
		Path database = storeFolder.resolve("tokens");
		properties.add("TWITCH_CLIENT_ID", () -> TwitchAccounts.DEFAULT_CLIENT_ID);
		properties.add("TWITCH_CLIENT_SECRET", () -> TwitchAccounts.DEFAULT_CLIENT_SECRET);
		properties.add("TWITCH_USER_ID", () -> BOT);
		properties.add("TWITCH_SAMPLE_DB", database::toString);
		// Twitch's endpoints, here the fake's: what TwitchProviderDefaults would fill in.
		String provider = "spring.security.oauth2.client.provider.twitch.";
		properties.add(provider + "authorization-uri", () -> server.oauthUri() + "/authorize");
		properties.add(provider + "token-uri", () -> server.oauthUri() + "/token");
		properties.add(provider + "user-info-uri", () -> server.oauthUri() + "/validate");
		properties.add("twitch.eventsub.url", server::eventSubUri);
		properties.add("twitch.eventsub.helix-url", server::helixUri);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void startsBeforeTheLoginAndEventsFlowOnceTheBotsUserLoggedIn() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		// Before the login: the page, but not its data; nothing subscribed at Twitch.
		assertThat(get(browser, page("/")).statusCode()).isEqualTo(200);
		assertThat(get(browser, page("/api/state")).statusCode()).isEqualTo(401);
		assertThat(this.eventSub.isRunning()).isFalse();
		assertThat(server.eventSub().subscriptions()).isEmpty();

		// The login, as a browser follows it.
		HttpResponse<String> loggedIn = logIn(browser, BOT);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(page("/").toString());

		// Without a restart: the subscriptions are created with the login's token.
		await().untilAsserted(() -> assertThat(server.eventSub()
			.subscriptions()
			.stream()
			.filter(EventSubSubscription::isEnabled)
			.map(EventSubSubscription::type)).hasSize(14));
		HttpResponse<String> state = get(browser, page("/api/state"));
		assertThat(state.statusCode()).isEqualTo(200);
		JsonNode login = json.readTree(state.body()).get("login");
		assertThat(login.get("authorized").asBoolean()).isTrue();
		assertThat(login.get("user").asString()).isEqualTo(BOT);

		EventSubDemoEvents.Notification cheer = new EventSubDemoEvents(BOT, "demo_broadcaster")
			.of(new DemoStory.Cheer(new Person("236754010", "glitterbean", "GlitterBean"), 250, "Cheer250 hype", "1"));
		server.eventSub().publish(cheer.type(), Map.of("broadcaster_user_id", BOT), cheer.eventJson());
		await().until(() -> this.cheers.totalBits() == 250);
		assertThat(this.cheers.leaders(1)).isEqualTo(List.of(Map.entry("glitterbean", 250L)));
	}

	@Test
	void anotherTwitchUserIsRefusedAndNothingOfTheirsIsKept() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		server.accounts().registerUser(VIEWER, "curious_viewer");
		HttpResponse<String> refused = logIn(browser, VIEWER);
		assertThat(refused.statusCode()).isEqualTo(403);
		OAuth2AuthorizedClient kept = this.authorizedClients.loadAuthorizedClient("twitch", VIEWER);
		assertThat(kept).isNull();
		// The refused login left no session behind.
		assertThat(get(browser, page("/api/state")).statusCode()).isEqualTo(401);
		assertThat(get(browser, page("/actuator/twitchpubsub")).statusCode()).isEqualTo(401);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void theTokenStoresFolderIsTheUsersOnly() throws Exception {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFolder))).isEqualTo("rwx------");
	}

	@Test
	void healthIsOpenToProbesAndSaysNothingMore() throws Exception {
		HttpClient probe = HttpClient.newHttpClient();
		HttpResponse<String> health = get(probe, page("/actuator/health"));
		JsonNode body = json.readTree(health.body());
		assertThat(body.get("status").asString()).isNotBlank();
		assertThat(body.propertyNames()).isSubsetOf("status", "groups");
		HttpResponse<String> readiness = get(probe, page("/actuator/health/readiness"));
		assertThat(json.readTree(readiness.body()).has("components")).isFalse();
	}

	/**
	 * Walks the login as a browser follows it, the fake's authorization page approving as
	 * the given user.
	 * @return the answer to the callback
	 */
	private HttpResponse<String> logIn(HttpClient browser, String user) throws Exception {
		server.accounts().approveAuthorizationsAs(user);
		HttpResponse<String> start = get(browser, page("/oauth2/authorization/twitch"));
		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.toString()).startsWith(
				server.oauthUri() + "/authorize?response_type=code&client_id=" + TwitchAccounts.DEFAULT_CLIENT_ID);
		assertThat(authorize.getQuery()).contains("scope=user:read:whispers bits:read user:read:chat");
		HttpResponse<String> approved = get(browser, authorize);
		assertThat(approved.statusCode()).isEqualTo(302);
		URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
		assertThat(callback.toString()).startsWith(page("/login/oauth2/code/twitch?code=").toString());
		return get(browser, callback);
	}

	private URI page(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
