package io.github.twitchjvm.pubsub.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
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
 * Health, metrics and the {@code twitchpubsub} endpoint through real HTTP calls to a
 * running application on 127.0.0.1, as an operator would make them; and none of them
 * shows the token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "twitch.pubsub.user-id=44322889",
				"management.endpoints.web.exposure.include=health,metrics,twitchpubsub,env,configprops",
				"management.endpoint.health.show-details=always",
				"management.endpoint.twitchpubsub.access=unrestricted", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always" })
class ActuatorHttpTests {

	static final FakeTwitchServer server = FakeTwitchServer.start();

	static String token;

	@DynamicPropertySource
	static void server(DynamicPropertyRegistry registry) {
		server.accounts().registerUser("44322889", "dallas");
		token = server.accounts().issueToken("44322889", TwitchAccounts.ALL_SCOPES).accessToken();
		registry.add("twitch.pubsub.url", server::pubSubUri);
		registry.add("twitch.pubsub.access-token", () -> token);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	PubSubClient client;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anOperatorSeesTheClientAndCanReconnectIt() throws Exception {
		await().until(() -> !this.client.snapshot().topics().isEmpty()
				&& this.client.snapshot().topics().get(0).state() == TopicState.ACTIVE);
		server.publish("whispers.44322889", SampleMessages.get(TopicType.WHISPERS, "whisper_received"));
		await().until(() -> get("/actuator/twitchpubsub").body().contains("\"messages\":1"));

		HttpResponse<String> endpoint = get("/actuator/twitchpubsub");
		assertThat(endpoint.statusCode()).isEqualTo(200);
		assertThat(endpoint.body()).contains("\"topic\":\"whispers.44322889\"")
			.contains("\"state\":\"ACTIVE\"")
			.contains("whisperLog#onWhisper (")
			.contains("\"lastMessageAt\":\"");

		HttpResponse<String> reconnect = this.http.send(
				HttpRequest.newBuilder(uri("/actuator/twitchpubsub")).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(reconnect.statusCode()).isEqualTo(200);
		assertThat(reconnect.body()).isEqualTo("{\"replaced\":1}");
		await().until(() -> get("/actuator/twitchpubsub").body().contains("\"requested\":1"));

		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.body()).contains("\"twitchPubSub\":{").contains("\"status\":\"UP\"");
		HttpResponse<String> received = get("/actuator/metrics/twitch.pubsub.messages.received?tag=type:whispers");
		assertThat(received.statusCode()).isEqualTo(200);
		assertThat(received.body()).contains("\"value\":1.0");

		for (String path : new String[] { "/actuator/twitchpubsub", "/actuator/health", "/actuator/metrics",
				"/actuator/metrics/twitch.pubsub.listens", "/actuator/metrics/twitch.pubsub.reconnects" }) {
			assertThat(get(path).body()).as(path).doesNotContain(token);
		}
	}

	@Test
	void theEnvironmentAndPropertiesShowValuesButNotTheToken() throws Exception {
		for (String path : new String[] { "/actuator/env", "/actuator/env/twitch.pubsub.access-token",
				"/actuator/configprops", "/actuator/configprops/twitch.pubsub" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain(token).contains("******");
		}
		assertThat(get("/actuator/configprops/twitch.pubsub").body()).as("other values are shown")
			.contains("44322889")
			.contains(server.pubSubUri().toString());
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
