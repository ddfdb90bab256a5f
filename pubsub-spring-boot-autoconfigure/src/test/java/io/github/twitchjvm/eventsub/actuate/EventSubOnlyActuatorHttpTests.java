package io.github.twitchjvm.eventsub.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with an EventSub client and no PubSub client: the {@code twitchpubsub}
 * endpoint is there with an empty PubSub part and the EventSub section, over real HTTP
 * calls on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "twitch.pubsub.enabled=false",
				"twitch.eventsub.user-id=" + EventSubOnlyActuatorHttpTests.USER,
				"twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"management.endpoints.web.exposure.include=health,twitchpubsub",
				"management.endpoint.health.show-details=always" })
class EventSubOnlyActuatorHttpTests {

	static final String USER = "44322889";

	static final FakeTwitchServer server = FakeTwitchServer.start();

	static String token;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		server.accounts().registerUser(USER, "dallas");
		token = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES).accessToken();
		registry.add("twitch.eventsub.url", server::eventSubUri);
		registry.add("twitch.eventsub.helix-url", server::helixUri);
		registry.add("twitch.eventsub.access-token", () -> token);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	EventSubClient eventSub;

	@Autowired
	ObjectProvider<PubSubClient> pubSub;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theEndpointShowsTheEventSubClientAlone() throws Exception {
		assertThat(this.pubSub.getIfAvailable()).isNull();
		EventSubSubscription online = this.eventSub.subscribe("stream.online", "1", Map.of("broadcaster_user_id", USER),
				(subscription, notification) -> {
				});
		server.eventSub().publish(String.valueOf(online.twitchId()), FakeEventSub.sampleEvent("stream.online"));
		await().until(() -> get("/actuator/twitchpubsub").body().contains("\"messages\":1,"));

		HttpResponse<String> endpoint = get("/actuator/twitchpubsub");
		assertThat(endpoint.statusCode()).isEqualTo(200);
		assertThat(endpoint.body()).startsWith("{\"running\":false,\"connected\":false,\"sockets\":[],\"topics\":[],")
			.contains("\"eventSub\":{\"running\":true,\"connected\":true,")
			.contains("\"type\":\"stream.online\"")
			.contains("\"cost\":1")
			.doesNotContain(token);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.body()).contains("\"twitchEventSub\":{").doesNotContain("twitchPubSub").doesNotContain(token);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
