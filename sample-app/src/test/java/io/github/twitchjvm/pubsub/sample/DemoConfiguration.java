package io.github.twitchjvm.pubsub.sample;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionDetails;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs the fake Twitch server in the application's JVM, on free ports of 127.0.0.1, and
 * points the client at it through {@link PubSubConnectionDetails}, with a token of the
 * demo broadcaster, who is also the user of ids the bot's {@code @TwitchTopic}s leave
 * out.
 */
@TestConfiguration(proxyBeanMethods = false)
class DemoConfiguration {

	static final String BROADCASTER_ID = "100000001";

	static final String BROADCASTER_TOKEN = "demobroadcastertoken0000000000";

	@Bean(destroyMethod = "close")
	FakeTwitchServer fakeTwitchServer() {
		FakeTwitchServer server = FakeTwitchServer.start();
		server.accounts().registerUser(BROADCASTER_ID, "demo_broadcaster");
		server.accounts()
			.issueToken(BROADCASTER_ID, TwitchAccounts.ALL_SCOPES, Duration.ofDays(365), BROADCASTER_TOKEN,
					"demobroadcasterrefresh00000000", TwitchAccounts.DEFAULT_CLIENT_ID);
		return server;
	}

	@Bean
	PubSubConnectionDetails fakeTwitchConnectionDetails(FakeTwitchServer server) {
		TwitchTokenProvider tokens = StaticTokenProvider
			.forUsers(Map.of(BROADCASTER_ID, AccessToken.of(BROADCASTER_TOKEN)));
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
	DemoTraffic demoTraffic(FakeTwitchServer server, ConfigurableApplicationContext context,
			@Value("${demo.duration:60s}") Duration duration, @Value("${demo.events-per-second:4}") int eventsPerSecond,
			@Value("${demo.faults:true}") boolean faults) {
		return new DemoTraffic(server, BROADCASTER_ID, context, duration, eventsPerSecond, faults);
	}

}
