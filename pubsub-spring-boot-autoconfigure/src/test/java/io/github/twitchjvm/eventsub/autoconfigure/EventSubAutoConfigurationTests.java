package io.github.twitchjvm.eventsub.autoconfigure;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.annotation.TwitchEventListenerRegistry;
import io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the EventSub client is configured, and from what: conditions, the credentials'
 * fall-back to PubSub's, the application's own beans, and property checks. The client
 * runs against the fake server where a test starts it.
 */
class EventSubAutoConfigurationTests {

	private static final String USER = "44322889";

	private static FakeTwitchServer server;

	private static String token;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EventSubAutoConfiguration.class));

	@BeforeAll
	static void startServer() {
		server = FakeTwitchServer.start();
		server.accounts().registerUser(USER, "broadcaster");
		token = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES).accessToken();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private ApplicationContextRunner configured() {
		return this.runner.withPropertyValues("twitch.eventsub.url=" + server.eventSubUri(),
				"twitch.eventsub.helix-url=" + server.helixUri(),
				"twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID);
	}

	@Test
	void backsOffWithoutAClientId() {
		this.runner.withPropertyValues("twitch.eventsub.access-token=" + token)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventSubClient.class));
	}

	@Test
	void backsOffWithAnEmptyClientId() {
		this.runner.withPropertyValues("twitch.eventsub.client-id=", "twitch.eventsub.access-token=" + token)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventSubClient.class));
	}

	@Test
	void backsOffWhenDisabled() {
		configured().withPropertyValues("twitch.eventsub.access-token=" + token, "twitch.eventsub.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventSubClient.class));
	}

	@Test
	void subscribesWithTheConfiguredTokenAndStartsWithTheContext() {
		configured().withPropertyValues("twitch.eventsub.access-token=" + token, "twitch.eventsub.user-id=" + USER)
			.run((context) -> {
				EventSubClient client = context.getBean(EventSubClient.class);
				assertThat(client.isRunning()).isTrue();
				assertThat(context).hasSingleBean(EventSubLifecycle.class)
					.hasSingleBean(TwitchEventListenerRegistry.class);
				EventSubSubscription subscription = client.subscribe("channel.cheer", "1",
						Map.of("broadcaster_user_id", USER), (handle, notification) -> {
						});
				assertThat(subscription.state()).isEqualTo(SubscriptionState.ENABLED);
			});
	}

	@Test
	void takesThePubSubTokenAndUserWhenEventSubNamesNone() {
		configured().withPropertyValues("twitch.pubsub.access-token=" + token, "twitch.pubsub.user-id=" + USER)
			.run((context) -> {
				EventSubConnectionDetails details = context.getBean(EventSubConnectionDetails.class);
				assertThat(details.userId()).isEqualTo(USER);
				EventSubClient client = context.getBean(EventSubClient.class);
				assertThat(client
					.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", USER), (handle, notification) -> {
					})
					.state()).isEqualTo(SubscriptionState.ENABLED);
			});
	}

	@Test
	void aTokenProviderBeanWinsOverTheProperties() {
		AtomicInteger asked = new AtomicInteger();
		configured().withPropertyValues("twitch.eventsub.access-token=not-the-one-used-0000000000")
			.withBean(TwitchTokenProvider.class, () -> (userId) -> {
				asked.incrementAndGet();
				return StaticTokenProvider.of(token).token(userId);
			})
			.run((context) -> {
				assertThat(context.getBean(EventSubClient.class)
					.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", USER), (handle, notification) -> {
					})
					.state()).isEqualTo(SubscriptionState.ENABLED);
				assertThat(asked).hasPositiveValue();
			});
	}

	@Test
	void failsWithoutAnyToken() {
		configured().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(EventSubConfigurationException.class)
			.hasMessageContaining("no access token"));
	}

	@Test
	void applicationConnectionDetailsAreEnoughWithoutProperties() {
		this.runner.withBean(EventSubConnectionDetails.class, () -> new EventSubConnectionDetails() {

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
			public @Nullable TwitchTokenProvider tokenProvider() {
				return StaticTokenProvider.of(token);
			}

		}).run((context) -> assertThat(context).hasSingleBean(EventSubClient.class));
	}

	@Test
	void anApplicationWithItsOwnEventSubDetailsAndNoPubSubTokenGetsNoPubSubClient() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration.class,
							EventSubAutoConfiguration.class))
			.withBean(EventSubConnectionDetails.class, EventSubAutoConfigurationTests::fakeServerDetails)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(EventSubClient.class)
				.doesNotHaveBean(io.github.twitchjvm.pubsub.PubSubClient.class));
	}

	private static EventSubConnectionDetails fakeServerDetails() {
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
			public @Nullable TwitchTokenProvider tokenProvider() {
				return StaticTokenProvider.of(token);
			}

		};
	}

	@Test
	void theMigrationPropertyAsksForEventSub() {
		this.runner.withPropertyValues("twitch.pubsub.transport=eventsub", "twitch.eventsub.access-token=" + token)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(EventSubConfigurationException.class)
				.hasMessageContaining("no client id"));
	}

	@Test
	void theApplicationsOwnClientWins() {
		EventSubClient own = EventSubClient.builder().clientId("own").accessToken(token).build();
		configured().withPropertyValues("twitch.eventsub.access-token=" + token)
			.withBean(EventSubClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(EventSubClient.class)).isSameAs(own));
	}

	@Test
	void customizersApply() {
		AtomicInteger customized = new AtomicInteger();
		configured().withPropertyValues("twitch.eventsub.access-token=" + token)
			.withBean(EventSubClientBuilderCustomizer.class, () -> (builder) -> customized.incrementAndGet())
			.run((context) -> assertThat(customized).hasValue(1));
	}

	@Test
	void refusesImpossibleProperties() {
		for (String property : new String[] { "twitch.eventsub.keepalive-timeout=5s", "twitch.eventsub.max-sessions=4",
				"twitch.eventsub.subscriptions-per-session=301", "twitch.eventsub.url=ws://example.com/ws",
				"twitch.eventsub.helix-url=http://example.com/helix", "twitch.eventsub.health.grace-period=-1s" }) {
			configured().withPropertyValues("twitch.eventsub.access-token=" + token, property)
				.run((context) -> assertThat(context).as(property)
					.hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining(property.substring(0, property.indexOf('='))));
		}
	}

}
