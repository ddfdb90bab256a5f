package io.github.twitchjvm.pubsub.sample;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubConnectionDetails;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionDetails;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Runs the fake Twitch server in the application's JVM, on free ports of 127.0.0.1, and
 * points the bot's client at it, with a token of the demo broadcaster, who is also the
 * user of ids the bot's {@code @TwitchTopic}s leave out. Over PubSub (the default) the
 * client is PubSub's, pointed through {@link PubSubConnectionDetails}; with
 * {@code twitch.pubsub.transport=eventsub} it is EventSub's, pointed through
 * {@link EventSubConnectionDetails}, and the story is told as EventSub notifications.
 */
@TestConfiguration(proxyBeanMethods = false)
class DemoConfiguration {

	static final String BROADCASTER_ID = "100000001";

	static final String BROADCASTER_LOGIN = "demo_broadcaster";

	static final String BROADCASTER_TOKEN = "demobroadcastertoken0000000000";

	/** The scopes of every PubSub topic and of every EventSub type they ride on. */
	private static final List<String> SCOPES = Stream
		.concat(TwitchAccounts.ALL_SCOPES.stream(), FakeEventSub.ALL_SCOPES.stream())
		.distinct()
		.toList();

	@Bean(destroyMethod = "close")
	FakeTwitchServer fakeTwitchServer() {
		FakeTwitchServer server = FakeTwitchServer.start();
		server.accounts().registerUser(BROADCASTER_ID, BROADCASTER_LOGIN);
		server.accounts()
			.issueToken(BROADCASTER_ID, SCOPES, Duration.ofDays(365), BROADCASTER_TOKEN,
					"demobroadcasterrefresh00000000", TwitchAccounts.DEFAULT_CLIENT_ID);
		return server;
	}

	@Bean
	DemoStory demoStory(ResourceLoader resources,
			@Value("${demo.scenario:classpath:demo-scenario.yml}") String scenario) {
		return new DemoStory(DemoScenario.load(resources.getResource(scenario)));
	}

	/**
	 * The demo's traffic: {@code demo.duration} (3 minutes, {@code 0s} until stopped),
	 * {@code demo.events-per-second} (the scenario's by default), {@code demo.faults}
	 * ({@code false}: no reconnects or drops).
	 */
	@Bean
	DemoTraffic demoTraffic(DemoPublisher publisher, DemoStory story, ConfigurableApplicationContext context,
			@Value("${demo.duration:3m}") Duration duration, @Value("${demo.events-per-second:0}") int eventsPerSecond,
			@Value("${demo.faults:true}") boolean faults) {
		int rate = (eventsPerSecond > 0) ? eventsPerSecond : story.scenario().eventsPerSecond();
		return new DemoTraffic(publisher, story, context, duration, rate, faults);
	}

	private static TwitchTokenProvider broadcasterToken() {
		return StaticTokenProvider.forUsers(Map.of(BROADCASTER_ID, AccessToken.of(BROADCASTER_TOKEN)));
	}

	/** The demo over PubSub. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "pubsub", matchIfMissing = true)
	static class OverPubSub {

		@Bean
		PubSubConnectionDetails fakeTwitchConnectionDetails(FakeTwitchServer server) {
			TwitchTokenProvider tokens = broadcasterToken();
			return new PubSubConnectionDetails() {

				@Override
				public URI url() {
					return server.pubSubUri();
				}

				@Override
				public TwitchTokenProvider tokenProvider() {
					return tokens;
				}

				@Override
				public String userId() {
					return BROADCASTER_ID;
				}

			};
		}

		@Bean
		PubSubDemoPublisher pubSubDemoPublisher(FakeTwitchServer server) {
			return new PubSubDemoPublisher(server, BROADCASTER_ID, BROADCASTER_LOGIN);
		}

	}

	/**
	 * The demo over EventSub: the bot's {@code @TwitchTopic} handlers, unchanged, ride on
	 * EventSub subscriptions.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "twitch.pubsub.transport", havingValue = "eventsub")
	static class OverEventSub {

		@Bean
		EventSubConnectionDetails fakeTwitchEventSubConnectionDetails(FakeTwitchServer server) {
			TwitchTokenProvider tokens = broadcasterToken();
			return new EventSubConnectionDetails() {

				@Override
				public URI url() {
					return server.eventSubUri();
				}

				@Override
				public URI helixUrl() {
					return server.helixUri();
				}

				@Override
				public String clientId() {
					return TwitchAccounts.DEFAULT_CLIENT_ID;
				}

				@Override
				public TwitchTokenProvider tokenProvider() {
					return tokens;
				}

				@Override
				public String userId() {
					return BROADCASTER_ID;
				}

			};
		}

		@Bean
		EventSubDemoPublisher eventSubDemoPublisher(FakeTwitchServer server) {
			return new EventSubDemoPublisher(server, BROADCASTER_ID, BROADCASTER_LOGIN);
		}

	}

}
