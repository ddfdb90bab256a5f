package io.github.twitchjvm.pubsub.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.JdkWebSocketTransport;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.ConnectionState;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicAnnotationBeanPostProcessor;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.diagnostics.TwitchConfigurationException;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.transport.SpringWebSocketTransport;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conditions, back-offs, property binding and validation of
 * {@link PubSubAutoConfiguration}.
 */
@FakeTwitch
class PubSubAutoConfigurationTests {

	private static final String USER = "44322889";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class));

	private FakeTwitchServer server;

	private String token;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		server.accounts().registerUser(USER, "dallas");
		this.token = server.accounts().issueToken(USER, TwitchAccounts.ALL_SCOPES).accessToken();
	}

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues("twitch.pubsub.url=" + this.server.pubSubUri(),
				"twitch.pubsub.access-token=" + this.token, "twitch.pubsub.user-id=" + USER);
	}

	@Test
	void buildsAStartedClientFromTheProperties() {
		connected()
			.withPropertyValues("twitch.pubsub.ping-frequency=30s", "twitch.pubsub.dispatch.max-queued-bytes=7MB")
			.run((context) -> {
				assertThat(context).hasSingleBean(PubSubClient.class)
					.hasSingleBean(PubSubLifecycle.class)
					.hasSingleBean(TwitchTopicListenerRegistry.class)
					.hasSingleBean(TwitchTopicAnnotationBeanPostProcessor.class)
					.hasSingleBean(PropertiesPubSubConnectionDetails.class);
				PubSubClient client = context.getBean(PubSubClient.class);
				assertThat(client.isRunning()).isTrue();
				assertThat(context.getBean(PubSubProperties.class).getPingFrequency()).hasSeconds(30);
				assertThat(context.getBean(PubSubProperties.class).getDispatch().getMaxQueuedBytes())
					.isEqualTo(DataSize.ofMegabytes(7));
				assertListensToWhispers(client);
			});
	}

	@Test
	void stopsTheClientWithTheContext() {
		AtomicBoolean running = new AtomicBoolean();
		List<PubSubClient> clients = new CopyOnWriteArrayList<>();
		connected().run((context) -> {
			clients.add(context.getBean(PubSubClient.class));
			running.set(clients.get(0).isRunning());
		});
		assertThat(running).isTrue();
		assertThat(clients.get(0).isRunning()).isFalse();
	}

	@Test
	void autoStartupFalseLeavesTheClientStopped() {
		connected().withPropertyValues("twitch.pubsub.auto-startup=false").run((context) -> {
			assertThat(context.getBean(PubSubClient.class).isRunning()).isFalse();
			context.getBean(PubSubLifecycle.class).start();
			assertThat(context.getBean(PubSubClient.class).isRunning()).isTrue();
		});
	}

	@Test
	void backsOffWhenDisabled() {
		connected().withPropertyValues("twitch.pubsub.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubClient.class)
				.doesNotHaveBean(PubSubLifecycle.class)
				.doesNotHaveBean(TwitchTopicAnnotationBeanPostProcessor.class));
	}

	@Test
	void backsOffWithoutTheClientOnTheClassPath() {
		connected().withClassLoader(new FilteredClassLoader(PubSubClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubClient.class));
	}

	@Test
	void needsNoSpringWebSocketOnTheClassPath() {
		connected().withClassLoader(new FilteredClassLoader(WebSocketClient.class))
			.withUserConfiguration(QualifiedWebSocketClient.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SpringWebSocketTransport.class);
				assertListensToWhispers(context.getBean(PubSubClient.class));
			});
	}

	@Test
	void theApplicationsOwnClientWins() {
		this.runner.withUserConfiguration(OwnClient.class).run((context) -> {
			assertThat(context).hasSingleBean(PubSubClient.class).hasBean("ownClient");
			assertThat(context.getBean(PubSubClient.class).isRunning()).as("the lifecycle manages it").isTrue();
		});
	}

	@Test
	void connectionDetailsAndTokenProviderBeansWinOverProperties() {
		this.runner.withPropertyValues("twitch.pubsub.url=ws://127.0.0.1:1/nowhere", "twitch.pubsub.access-token=wrong")
			.withBean(PubSubConnectionDetails.class, () -> new FixedDetails(this.server.pubSubUri(), null, null))
			.withBean(TwitchTokenProvider.class, () -> StaticTokenProvider.of(this.token))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesPubSubConnectionDetails.class);
				PubSubClient client = context.getBean(PubSubClient.class);
				assertListensToWhispers(client);
			});
	}

	@Test
	void appliesCustomizersAfterTheProperties() {
		connected().withPropertyValues("twitch.pubsub.url=ws://127.0.0.1:9/nowhere")
			.withBean(PubSubClientBuilderCustomizer.class,
					() -> (builder) -> builder.uri(this.server.pubSubUri()).listenConfirmTimeout(Duration.ofSeconds(3)))
			.run((context) -> {
				PubSubClient client = context.getBean(PubSubClient.class);
				assertListensToWhispers(client);
			});
	}

	@Test
	void backsOffForAnEventSubApplicationThatGavePubSubNoToken() {
		this.runner.withPropertyValues("twitch.eventsub.client-id=someclientid", "twitch.pubsub.access-token=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PubSubClient.class));
	}

	@Test
	void buildsBothWhenAnEventSubApplicationGavePubSubAToken() {
		connected().withPropertyValues("twitch.eventsub.client-id=someclientid")
			.run((context) -> assertThat(context).hasSingleBean(PubSubClient.class));
	}

	@Test
	void buildsNoPubSubClientWhenTheListenersRideOnEventSub() {
		connected().withPropertyValues("twitch.pubsub.transport=eventsub")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PubSubClient.class));
	}

	@Test
	void aTwitchTopicMethodWithoutAPubSubClientSaysWhatToConfigure() {
		this.runner.withPropertyValues("twitch.eventsub.client-id=someclientid")
			.withBean(WhisperListener.class)
			.run((context) -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining("needs a PubSub client, which is not configured"));
	}

	@Test
	void failsWhenSeveralTokenProvidersCompete() {
		connected().withBean("one", TwitchTokenProvider.class, () -> StaticTokenProvider.of(this.token))
			.withBean("two", TwitchTokenProvider.class, () -> StaticTokenProvider.of(this.token))
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.isInstanceOf(TwitchConfigurationException.class)
				.hasMessageContaining("several TwitchTokenProvider beans"));
	}

	@Test
	void toleratesSpacesAroundTheUserId() {
		this.runner
			.withPropertyValues("twitch.pubsub.url=" + this.server.pubSubUri(),
					"twitch.pubsub.access-token=" + this.token, "twitch.pubsub.user-id= " + USER + " ")
			.run((context) -> {
				assertThat(context.getBean(PubSubClient.class).hasTokenFor(Topic.parse("whispers." + USER))).isTrue();
				assertThat(context.getBean(PubSubConnectionDetails.class).userId()).isEqualTo(USER);
			});
	}

	@Test
	void theUserIdPropertyIsTheDefaultOfIdsLeftOut() {
		connected().withBean(WhisperListener.class)
			.run((context) -> assertThat(context.getBean(TwitchTopicListenerRegistry.class).getListeners())
				.singleElement()
				.satisfies(
						(listener) -> assertThat(listener.topics()).containsExactly(Topic.parse("whispers." + USER))));
	}

	@Test
	void idsLeftOutAreTheConnectionDetailsUserNotTheProperty() {
		this.runner.withPropertyValues("twitch.pubsub.user-id=999")
			.withBean(PubSubConnectionDetails.class,
					() -> new FixedDetails(this.server.pubSubUri(), StaticTokenProvider.of(this.token), USER))
			.withBean(WhisperListener.class)
			.run((context) -> {
				assertThat(context.getBean(TwitchTopicListenerRegistry.class).getListeners()).singleElement()
					.satisfies((listener) -> assertThat(listener.topics())
						.containsExactly(Topic.parse("whispers." + USER)));
				PubSubClient client = context.getBean(PubSubClient.class);
				await().until(() -> client.snapshot().topics().size() == 1
						&& client.snapshot().topics().get(0).state() == TopicState.ACTIVE);
				this.server.publish("whispers." + USER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}");
				WhisperListener listener = context.getBean(WhisperListener.class);
				await().until(() -> listener.received.size() == 1);
			});
	}

	@Test
	void connectionDetailsWithoutAUserLeaveIdsToTheAnnotations() {
		this.runner.withPropertyValues("twitch.pubsub.user-id=" + USER, "twitch.pubsub.auto-startup=false")
			.withBean(PubSubConnectionDetails.class,
					() -> new FixedDetails(this.server.pubSubUri(), StaticTokenProvider.of(this.token), null))
			.withBean(WhisperListener.class)
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining("listens to whispers without userId"));
	}

	@Test
	void mapsTheDrainTimeout() {
		connected().withPropertyValues("twitch.pubsub.dispatch.drain-timeout=-1s")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("twitch.pubsub.dispatch.drain-timeout"));
	}

	@Test
	void runsHandlersOnTheApplicationTaskExecutorByDefault() {
		connected().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.task.execution.thread-name-prefix=app-task-")
			.run((context) -> assertThat(handlerThread(context.getBean(PubSubClient.class))).startsWith("app-task-"));
	}

	@Test
	void runsHandlersOnAQualifiedExecutorBean() {
		connected().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.task.execution.mode=force", "twitch.pubsub.dispatch.executor=reading-thread")
			.withUserConfiguration(QualifiedExecutor.class)
			.run((context) -> {
				assertThat(context).hasBean("applicationTaskExecutor");
				assertThat(handlerThread(context.getBean(PubSubClient.class))).isEqualTo("own-dispatch");
			});
	}

	@Test
	void ignoresAnExecutorBeanThatIsNotQualified() {
		Executor unqualified = (task) -> new Thread(task, "unqualified").start();
		// Boot's application task executor backs off for any Executor bean, unless
		// forced: handlers then run on the
		// client's own pool, never on the application's other executor.
		connected().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withBean("otherExecutor", Executor.class, () -> unqualified)
			.run((context) -> assertThat(handlerThread(context.getBean(PubSubClient.class)))
				.startsWith("pubsub-dispatch-"));
		connected().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.task.execution.mode=force",
					"spring.task.execution.thread-name-prefix=app-task-")
			.withBean("otherExecutor", Executor.class, () -> unqualified)
			.run((context) -> assertThat(handlerThread(context.getBean(PubSubClient.class))).startsWith("app-task-"));
	}

	@Test
	void runsHandlersOnTheClientsPoolOrTheReadingThreadWhenAsked() {
		connected().withPropertyValues("twitch.pubsub.dispatch.executor=client")
			.run((context) -> assertThat(handlerThread(context.getBean(PubSubClient.class)))
				.startsWith("pubsub-dispatch-"));
		// The default transport is the JDK's: its selector thread reads every socket.
		connected().withPropertyValues("twitch.pubsub.dispatch.executor=reading-thread")
			.run((context) -> assertThat(handlerThread(context.getBean(PubSubClient.class))).startsWith("HttpClient-")
				.endsWith("-SelectorManager"));
	}

	@Test
	void connectsWithTheJdksWebSocketByDefault() {
		connected()
			.withBean("unqualifiedWebSocketClient", WebSocketClient.class,
					() -> new RecordingWebSocketClient(new AtomicBoolean()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpringWebSocketTransport.class)
					.doesNotHaveBean(WebSocketTransport.class);
				assertListensToWhispers(context.getBean(PubSubClient.class));
				assertThat(context.getBean(RecordingWebSocketClient.class).used).as("an unqualified client").isFalse();
			});
	}

	@Test
	void connectsThroughAQualifiedWebSocketClientBean() {
		connected().withUserConfiguration(QualifiedWebSocketClient.class)
			.withPropertyValues("twitch.pubsub.dispatch.executor=reading-thread")
			.run((context) -> {
				assertThat(context).hasSingleBean(SpringWebSocketTransport.class);
				PubSubClient client = context.getBean(PubSubClient.class);
				assertListensToWhispers(client);
				assertThat(context.getBean(RecordingWebSocketClient.class).used).isTrue();
				// Spring's standard client over Tomcat's container reads on Tomcat's
				// threads.
				assertThat(handlerThread(client)).startsWith("WebSocketClient-AsyncIO");
			});
	}

	@Test
	void aWebSocketTransportBeanWinsOverAQualifiedWebSocketClient() {
		RecordingTransport transport = new RecordingTransport();
		connected().withUserConfiguration(QualifiedWebSocketClient.class)
			.withBean(WebSocketTransport.class, () -> transport)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpringWebSocketTransport.class);
				assertListensToWhispers(context.getBean(PubSubClient.class));
				assertThat(transport.connects).hasPositiveValue();
				assertThat(context.getBean(RecordingWebSocketClient.class).used).isFalse();
			});
		assertThat(transport.closed).as("the context closes the bean, the client does not").isTrue();
	}

	@Test
	void failsWhenSeveralTransportsCompete() {
		connected().withBean("one", WebSocketTransport.class, RecordingTransport::new)
			.withBean("two", WebSocketTransport.class, RecordingTransport::new)
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.isInstanceOf(TwitchConfigurationException.class)
				.hasMessageContaining("several WebSocketTransport beans"));
	}

	@Test
	void publishesConnectionAndTopicEvents() {
		List<PubSubEvent> events = new CopyOnWriteArrayList<>();
		List<String> eventThreads = new CopyOnWriteArrayList<>();
		connected()
			.withBean("recorder", ApplicationListener.class, () -> (ApplicationListener<PubSubEvent>) (event) -> {
				eventThreads.add(Thread.currentThread().getName());
				// Listeners may ask the client: events are not published under its lock.
				event.getClient().snapshot();
				events.add(event);
			})
			.run((context) -> {
				context.getBean(PubSubClient.class).listenWhispers(USER, (id, whisper) -> {
				});
				await().until(() -> events.stream()
					.anyMatch((event) -> event instanceof PubSubTopicEvent topic
							&& topic.getStatus().state() == TopicState.ACTIVE));
				assertThat(events).anySatisfy((event) -> assertThat(event).isInstanceOfSatisfying(
						PubSubConnectionEvent.class,
						(connection) -> assertThat(connection.getStatus().state()).isEqualTo(ConnectionState.OPEN)));
				assertThat(events).allSatisfy((event) -> {
					assertThat(event.getClient()).isSameAs(context.getBean(PubSubClient.class));
					assertThat(event.toString()).doesNotContain(this.token);
				});
				assertThat(eventThreads).containsOnly("pubsub-events");
			});
	}

	@Test
	void failsWithoutAnyToken() {
		this.runner.withPropertyValues("twitch.pubsub.url=" + this.server.pubSubUri()).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PubSubConfigurationException.class)
				.hasMessageContaining("no access token");
			assertThat(((PubSubConfigurationException) rootCause(context.getStartupFailure())).getAction())
				.contains("twitch.pubsub.access-token");
		});
	}

	@Test
	void rejectsAPingFrequencyTwitchWouldRefuse() {
		assertInvalid("twitch.pubsub.ping-frequency=10s", "twitch.pubsub.ping-frequency",
				"more than 12s plus ping-jitter");
		assertInvalid("twitch.pubsub.ping-frequency=5m", "twitch.pubsub.ping-frequency",
				"less than 5m minus ping-jitter");
		assertInvalid("twitch.pubsub.pong-timeout=0s", "twitch.pubsub.pong-timeout", "more than zero");
		assertInvalid("twitch.pubsub.listen-confirm-timeout=0s", "twitch.pubsub.listen-confirm-timeout",
				"more than zero");
		assertInvalid("twitch.pubsub.max-topics-per-connection=51", "twitch.pubsub.max-topics-per-connection",
				"between 1 and 50");
		assertInvalid("twitch.pubsub.reconnect.max-delay=100ms", "twitch.pubsub.reconnect.max-delay",
				"not be less than reconnect.initial-delay");
		assertInvalid("twitch.pubsub.dispatch.max-queued-bytes=1KB", "twitch.pubsub.dispatch.max-queued-bytes",
				"at least 1 MiB");
		assertInvalid("twitch.pubsub.dispatch.max-queued-bytes-per-subscription=100KB",
				"twitch.pubsub.dispatch.max-queued-bytes-per-subscription",
				"hold the largest message (max-message-size");
	}

	@Test
	void rejectsOtherClientSettingsUnderTheirPropertyNames() {
		assertInvalid("twitch.pubsub.connect-timeout=0s", "twitch.pubsub.connect-timeout", "more than zero");
		assertInvalid("twitch.pubsub.max-connections=0", "twitch.pubsub.max-connections", "at least 1");
		assertInvalid("twitch.pubsub.ping-jitter=-1s", "twitch.pubsub.ping-jitter", "zero or more");
		assertInvalid("twitch.pubsub.reconnect.initial-delay=0s", "twitch.pubsub.reconnect.initial-delay",
				"more than zero");
		assertInvalid("twitch.pubsub.reconnect.stable-period=-1s", "twitch.pubsub.reconnect.stable-period",
				"zero or more");
		assertInvalid("twitch.pubsub.health.grace-period=-1s", "twitch.pubsub.health.grace-period", "zero or more");
	}

	@Test
	void mapsTheConnectTimeout() throws IOException {
		// Nothing answers the handshake on this socket: only the connect timeout ends
		// each attempt.
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			connected()
				.withPropertyValues("twitch.pubsub.url=ws://127.0.0.1:" + silent.getLocalPort() + "/",
						"twitch.pubsub.connect-timeout=200ms", "twitch.pubsub.reconnect.initial-delay=50ms",
						"twitch.pubsub.reconnect.max-delay=100ms")
				.run((context) -> {
					PubSubClient client = context.getBean(PubSubClient.class);
					client.listenRawAsync(Topic.parse("whispers." + USER), (id, message) -> {
					});
					await().atMost(Duration.ofSeconds(3))
						.until(() -> client.snapshot().counters().reconnects().getOrDefault("connect_failed", 0L) >= 2);
				});
		}
	}

	@Test
	void acceptsAPingFrequencyJustAboveTheMinimum() {
		connected().withPropertyValues("twitch.pubsub.ping-frequency=17s", "twitch.pubsub.ping-jitter=4s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private void assertInvalid(String property, String name, String reason) {
		connected().withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			Throwable root = rootCause(context.getStartupFailure());
			assertThat(root).isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (invalid) -> {
				assertThat(invalid.getName()).isEqualTo(name);
				assertThat(invalid.getReason()).contains(reason);
			});
		});
	}

	/** The client reaches the fake server with a valid token: a LISTEN is confirmed. */
	private static void assertListensToWhispers(PubSubClient client) {
		assertThat(client.listenWhispers(USER, (id, whisper) -> {
		})).isNotNull();
		assertThat(client.snapshot().topics()).singleElement()
			.satisfies((topic) -> assertThat(topic.state()).isEqualTo(TopicState.ACTIVE));
	}

	private static Throwable rootCause(Throwable failure) {
		return NestedExceptionUtils.getMostSpecificCause(failure);
	}

	private String handlerThread(PubSubClient client) {
		List<String> threads = new CopyOnWriteArrayList<>();
		client
			.listenRawAsync(Topic.parse("whispers." + USER),
					(id, message) -> threads.add(Thread.currentThread().getName()))
			.join();
		this.server.publish("whispers." + USER, "{\"type\":\"thread\",\"data\":\"{\\\"id\\\":\\\"1_2\\\"}\"}");
		await().until(() -> !threads.isEmpty());
		return threads.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		PubSubClient ownClient() {
			return PubSubClient.builder()
				.uri(URI.create("ws://127.0.0.1:9/unused"))
				.accessToken("unusedunusedunusedunused000000")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedExecutor {

		@Bean
		@TwitchDispatchExecutor
		Executor twitchHandlers() {
			return (task) -> new Thread(task, "own-dispatch").start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedWebSocketClient {

		@Bean
		@TwitchWebSocketClient
		RecordingWebSocketClient twitchWebSocketClient() {
			return new RecordingWebSocketClient(new AtomicBoolean());
		}

	}

	/** Spring's standard client, noting that it was used. */
	static final class RecordingWebSocketClient implements WebSocketClient {

		private final StandardWebSocketClient delegate = new StandardWebSocketClient();

		final AtomicBoolean used;

		RecordingWebSocketClient(AtomicBoolean used) {
			this.used = used;
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
				Object... uriVariables) {
			this.used.set(true);
			return this.delegate.execute(handler, uriTemplate, uriVariables);
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler,
				@Nullable WebSocketHttpHeaders headers, URI uri) {
			this.used.set(true);
			return this.delegate.execute(handler, headers, uri);
		}

	}

	/** The JDK's transport, counting connections and noting that it was closed. */
	static final class RecordingTransport implements WebSocketTransport {

		private final JdkWebSocketTransport delegate = JdkWebSocketTransport.create();

		final AtomicInteger connects = new AtomicInteger();

		volatile boolean closed;

		@Override
		public CompletableFuture<WebSocketConnection> connect(URI uri, ConnectOptions options,
				WebSocketListener listener) {
			this.connects.incrementAndGet();
			return this.delegate.connect(uri, options, listener);
		}

		@Override
		public void close() {
			this.closed = true;
			this.delegate.close();
		}

	}

	/** Listens to the whispers of whichever user is the default. */
	static class WhisperListener {

		final List<WhisperEvent> received = new CopyOnWriteArrayList<>();

		@TwitchTopic("whispers")
		void onWhisper(WhisperEvent whisper) {
			this.received.add(whisper);
		}

	}

	record FixedDetails(URI url, @Nullable TwitchTokenProvider tokenProvider,
			@Nullable String userId) implements PubSubConnectionDetails {
	}

}
