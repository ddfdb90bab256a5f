package io.github.twitchjvm.pubsub.starter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an application gets from the starter alone: no servlet container, no Spring Web,
 * no Spring WebSocket (the client connects with the JDK's own WebSocket), so that a bot
 * is not turned into a web application by the starter. The test class path is the
 * starter's own dependencies plus the fake server and Boot's test starter, neither of
 * which brings servlet classes: a dependency added to the starter that does fails this
 * test.
 */
@FakeTwitch
class StarterClassPathTests {

	private static final String USER = "44322889";

	private final ClassLoader classLoader = StarterClassPathTests.class.getClassLoader();

	@Test
	void bringsNoServletContainerSpringWebOrSpringWebSocket() throws IOException {
		for (String type : List.of("jakarta.servlet.Servlet", "org.apache.catalina.Server",
				"org.apache.catalina.startup.Tomcat", "org.apache.catalina.connector.Connector",
				"org.apache.tomcat.websocket.WsWebSocketContainer", "jakarta.websocket.WebSocketContainer",
				"org.springframework.web.context.WebApplicationContext",
				"org.springframework.web.socket.client.WebSocketClient")) {
			assertThat(ClassUtils.isPresent(type, this.classLoader)).as(type).isFalse();
		}
		for (String folder : List.of("jakarta/servlet/", "org/apache/catalina/", "org/springframework/web/")) {
			assertThat(this.classLoader.getResources(folder).hasMoreElements()).as(folder).isFalse();
		}
	}

	@Test
	void aBotIsNoWebApplicationAndReceivesWhispers(FakeTwitchServer server) {
		server.accounts().registerUser(USER, "dallas");
		String token = server.accounts().issueToken(USER, TwitchAccounts.ALL_SCOPES).accessToken();
		SpringApplication application = new SpringApplication(WhisperBot.class);
		assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off",
				"--twitch.pubsub.url=" + server.pubSubUri(), "--twitch.pubsub.access-token=" + token,
				"--twitch.pubsub.user-id=" + USER)) {
			assertThat(typeNames(context.getClass()))
				.noneMatch((name) -> name.contains("WebApplicationContext") || name.contains("WebServer"));
			PubSubClient client = context.getBean(PubSubClient.class);
			await().until(() -> client.snapshot().topics().size() == 1
					&& client.snapshot().topics().get(0).state() == TopicState.ACTIVE);
			server.publish("whispers." + USER, SampleMessages.get(TopicType.WHISPERS, "whisper_received"));
			WhisperBot bot = context.getBean(WhisperBot.class);
			await().until(() -> !bot.whispers.isEmpty());
			assertThat(bot.whispers).singleElement()
				.satisfies((received) -> assertThat(received.whisper().body()).isNotEmpty());
		}
	}

	/** The class, its superclasses and every interface they implement. */
	private static List<String> typeNames(Class<?> type) {
		List<String> names = new ArrayList<>();
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			names.add(current.getName());
			for (Class<?> implemented : ClassUtils.getAllInterfacesForClassAsSet(current)) {
				names.add(implemented.getName());
			}
		}
		return names;
	}

	@SpringBootApplication
	static class WhisperBot {

		final List<WhisperEvent.Received> whispers = new CopyOnWriteArrayList<>();

		@TwitchTopic("whispers")
		void onWhisper(WhisperEvent.Received received) {
			this.whispers.add(received);
		}

	}

}
