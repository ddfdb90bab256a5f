package io.github.twitchjvm.eventsub.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One application with a PubSub and an EventSub client: the {@code twitchpubsub} endpoint
 * shows both, each has its health, the EventSub meters are served, over real HTTP calls
 * on 127.0.0.1; and no token shows anywhere, {@code env} and {@code configprops}
 * included.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "twitch.pubsub.user-id=" + BothProtocolsActuatorHttpTests.USER,
				"twitch.eventsub.user-id=" + BothProtocolsActuatorHttpTests.USER,
				"twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"management.endpoints.web.exposure.include=health,metrics,twitchpubsub,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always" })
class BothProtocolsActuatorHttpTests {

	static final String USER = "44322889";

	static final FakeTwitchServer server = FakeTwitchServer.start();

	static String pubSubToken;

	static String eventSubToken;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		server.accounts().registerUser(USER, "dallas");
		pubSubToken = server.accounts().issueToken(USER, TwitchAccounts.ALL_SCOPES).accessToken();
		eventSubToken = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES).accessToken();
		registry.add("twitch.pubsub.url", server::pubSubUri);
		registry.add("twitch.pubsub.access-token", () -> pubSubToken);
		registry.add("twitch.eventsub.url", server::eventSubUri);
		registry.add("twitch.eventsub.helix-url", server::helixUri);
		registry.add("twitch.eventsub.access-token", () -> eventSubToken);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	PubSubClient pubSub;

	@Autowired
	EventSubClient eventSub;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theEndpointHealthAndMetricsShowBothProtocols() throws Exception {
		EventSubSubscription cheers = this.eventSub.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", USER),
				(subscription, notification) -> {
				});
		await().until(() -> !this.pubSub.snapshot().topics().isEmpty()
				&& this.pubSub.snapshot().topics().get(0).state() == TopicState.ACTIVE);
		server.publish("whispers." + USER, SampleMessages.get(TopicType.WHISPERS, "whisper_received"));
		server.eventSub().publish(String.valueOf(cheers.twitchId()), FakeEventSub.sampleEvent("channel.cheer"));
		await().until(() -> get("/actuator/twitchpubsub").body().contains("\"messages\":1,")
				&& get("/actuator/twitchpubsub").body().matches("(?s).*\"eventSub\":.*\"messages\":1,.*"));

		HttpResponse<String> endpoint = get("/actuator/twitchpubsub");
		assertThat(endpoint.statusCode()).isEqualTo(200);
		String body = endpoint.body();
		String pubSubPart = body.substring(0, body.indexOf("\"eventSub\":"));
		String eventSubPart = body.substring(body.indexOf("\"eventSub\":"));
		assertThat(pubSubPart).contains("\"running\":true")
			.contains("\"topic\":\"whispers." + USER + "\"")
			.contains("\"state\":\"ACTIVE\"")
			.contains("whisperLog#onWhisper (");
		assertThat(eventSubPart).contains("\"running\":true")
			.contains("\"sessions\":[{\"user\":\"" + USER + "\",\"sessionId\":\"")
			.contains("\"type\":\"channel.cheer\"")
			.contains("\"version\":\"1\"")
			.contains("\"condition\":{\"broadcaster_user_id\":\"" + USER + "\"}")
			.contains("\"state\":\"ENABLED\"")
			.contains("\"twitchId\":\"" + cheers.twitchId() + "\"")
			.contains("\"cost\":0")
			.contains("\"messages\":1,")
			.contains("\"lastMessageAt\":\"");

		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.body()).contains("\"twitchPubSub\":{").contains("\"twitchEventSub\":{");
		assertThat(health.body().substring(health.body().indexOf("\"twitchEventSub\":{")))
			.contains("\"subscriptions\":{\"ENABLED\":1}")
			.contains("\"status\":\"UP\"");
		HttpResponse<String> received = get(
				"/actuator/metrics/twitch.eventsub.notifications.received?tag=type:channel.cheer");
		assertThat(received.statusCode()).isEqualTo(200);
		assertThat(received.body()).contains("\"value\":1.0");
		assertThat(get("/actuator/metrics/twitch.pubsub.messages.received?tag=type:whispers").body())
			.contains("\"value\":1.0");

		for (String path : new String[] { "/actuator/twitchpubsub", "/actuator/health", "/actuator/metrics",
				"/actuator/metrics/twitch.eventsub.helix.requests", "/actuator/metrics/twitch.eventsub.subscriptions",
				"/actuator/env", "/actuator/env/twitch.eventsub.access-token", "/actuator/configprops",
				"/actuator/configprops/twitch.eventsub" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain(eventSubToken).doesNotContain(pubSubToken);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	static class WhisperLog {

		@TwitchTopic("whispers")
		void onWhisper(WhisperEvent.Received received) {
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		WhisperLog whisperLog() {
			return new WhisperLog();
		}

	}

}
