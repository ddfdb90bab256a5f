package io.github.twitchjvm.pubsub.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubEndpointAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubHealthContributorAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubMetricsAutoConfiguration;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health, metrics and the endpoint: their back-offs, and what they show after a scripted
 * scenario.
 */
@FakeTwitch
class PubSubActuatorAutoConfigurationTests {

	private static final String USER = "44322889";

	private static final String WHISPERS = "whispers." + USER;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class,
				PubSubHealthContributorAutoConfiguration.class, PubSubMetricsAutoConfiguration.class,
				PubSubEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class));

	private final AutoConfigurations metrics = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private FakeTwitchServer server;

	private String token;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		server.accounts().registerUser(USER, "dallas");
		this.token = server.accounts().issueToken(USER, TwitchAccounts.ALL_SCOPES).accessToken();
		await().until(() -> server.connections().isEmpty());
	}

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues("twitch.pubsub.url=" + this.server.pubSubUri(),
				"twitch.pubsub.access-token=" + this.token, "twitch.pubsub.user-id=" + USER,
				"twitch.pubsub.reconnect.initial-delay=50ms", "twitch.pubsub.reconnect.max-delay=200ms",
				"twitch.pubsub.listen-confirm-timeout=2s");
	}

	@Test
	void contributesHealthUnlessDisabledOrAbsent() {
		connected().run((context) -> assertThat(context).hasBean("twitchPubSubHealthIndicator"));
		connected().withPropertyValues("management.health.twitchpubsub.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubHealthIndicator.class));
		connected().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubHealthIndicator.class)
				.hasSingleBean(PubSubClient.class));
	}

	@Test
	void healthGoesDownWhenTheServerIsGoneLongerThanTheGracePeriodAndUpWhenItReturns() {
		connected().withPropertyValues("twitch.pubsub.health.grace-period=1h").run((context) -> {
			PubSubClient client = context.getBean(PubSubClient.class);
			HealthIndicator health = context.getBean(PubSubHealthIndicator.class);
			HealthIndicator impatient = new PubSubHealthIndicator(client, Duration.ZERO);
			client.listenWhispers(USER, (id, whisper) -> {
			});
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			this.server.faults().refuseConnections(Duration.ofSeconds(30));
			this.server.faults().drop(null);
			await().until(() -> !client.isConnected());
			assertThat(health.health().getStatus()).as("within the grace period").isEqualTo(Status.UP);
			await().until(() -> impatient.health().getStatus().equals(Status.DOWN));
			Health down = impatient.health();
			assertThat(down.getDetails().get("problems").toString()).contains("socket pubsub-1 has been");

			this.server.faults().acceptConnections();
			await().atMost(Duration.ofSeconds(10)).until(() -> impatient.health().getStatus().equals(Status.UP));
			Health up = impatient.health();
			assertThat(up.getDetails()).containsKeys("sockets", "topics", "sinceLastMessage", "reconnects")
				.doesNotContainKey("problems");
			assertThat(up.getDetails().toString()).doesNotContain(this.token);

			client.stop();
			assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void anOutageLongerThanSeveralRetriesTurnsTheHealthDownOnceAfterTheGraceAndUpOnceOnRecovery() {
		// Retries every few tens of milliseconds: each one changes the socket's state
		// many times within the grace.
		connected()
			.withPropertyValues("twitch.pubsub.health.grace-period=300ms", "twitch.pubsub.reconnect.initial-delay=20ms",
					"twitch.pubsub.reconnect.max-delay=50ms")
			.run((context) -> {
				PubSubClient client = context.getBean(PubSubClient.class);
				HealthIndicator health = context.getBean(PubSubHealthIndicator.class);
				client.listenWhispers(USER, (id, whisper) -> {
				});
				List<Status> statuses = new ArrayList<>();
				Runnable record = () -> {
					Status status = health.health().getStatus();
					if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
						statuses.add(status);
					}
				};
				record.run();

				this.server.faults().refuseConnections(Duration.ofSeconds(30));
				this.server.faults().drop(null);
				AtomicLong retriesWhenDown = new AtomicLong(-1);
				await().pollInterval(Duration.ofMillis(10)).until(() -> {
					record.run();
					long retries = client.snapshot().connections().get(0).reconnects();
					if (statuses.contains(Status.DOWN) && retriesWhenDown.get() < 0) {
						retriesWhenDown.set(retries);
					}
					// Several more retries after DOWN, each of which used to restart the
					// grace.
					return retriesWhenDown.get() >= 0 && retries >= retriesWhenDown.get() + 5;
				});
				assertThat(health.health().getDetails().get("problems").toString())
					.contains("socket pubsub-1 has been down for");

				this.server.faults().acceptConnections();
				await().pollInterval(Duration.ofMillis(10)).until(() -> {
					record.run();
					return client.isConnected() && statuses.get(statuses.size() - 1).equals(Status.UP);
				});
				assertThat(statuses).containsExactly(Status.UP, Status.DOWN, Status.UP);
			});
	}

	@Test
	void healthIsDownUntilTheClientFirstConnected() {
		this.server.faults().refuseConnections(Duration.ofSeconds(30));
		connected().run((context) -> {
			PubSubClient client = context.getBean(PubSubClient.class);
			client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> {
			});
			HealthIndicator health = context.getBean(PubSubHealthIndicator.class);
			await().until(() -> health.health().getStatus().equals(Status.DOWN));
			assertThat(health.health().getDetails().get("problems").toString()).contains("has not connected yet");
			this.server.faults().acceptConnections();
			await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
		});
	}

	@Test
	void healthIsDownWithTheReasonWhenATopicFailed() {
		// A listener's topic is listened to when the client starts, with nobody waiting:
		// it stays FAILED.
		this.server.faults().failNextListens(1, "ERR_BADTOPIC");
		connected().withBean(ThrowingListener.class).run((context) -> {
			HealthIndicator health = context.getBean(PubSubHealthIndicator.class);
			await().until(() -> health.health().getStatus().equals(Status.DOWN));
			assertThat(health.health().getDetails().get("failedTopics").toString())
				.contains("channel-bits-badge-unlocks." + USER)
				.contains("ERR_BADTOPIC");
			assertThat(health.health().getDetails().get("topics").toString()).contains("FAILED=1");
		});
	}

	@Test
	void metricsBackOffWithoutARegistryOrWhenDisabled() {
		connected().run((context) -> assertThat(context).doesNotHaveBean(PubSubMetrics.class));
		connected().withConfiguration(this.metrics)
			.withPropertyValues("twitch.pubsub.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PubSubMetrics.class)
				.doesNotHaveBean(PubSubHealthIndicator.class));
		connected().withConfiguration(this.metrics)
			.withPropertyValues("management.metrics.enable.twitch.pubsub=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(PubSubMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("twitch.pubsub.messages.received").counters()).isEmpty();
				assertThat(registry.find("twitch.pubsub.connections").gauges()).isEmpty();
			});
	}

	@Test
	void metricsAfterAScriptedScenario() {
		CountDownLatch release = new CountDownLatch(1);
		connected().withConfiguration(this.metrics)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withPropertyValues("twitch.pubsub.max-message-size=8KB",
					"twitch.pubsub.dispatch.max-queued-bytes-per-subscription=8320B")
			.withBean(ThrowingListener.class)
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				PubSubClient client = context.getBean(PubSubClient.class);
				await().until(() -> client.snapshot().topics().size() == 1 && client.isConnected());
				// A slow handler: its queue of 8320 bytes (about 25 of these messages)
				// overflows.
				client.listenRawAsync(Topic.parse(WHISPERS), (id, message) -> release.await(10, TimeUnit.SECONDS))
					.get();
				for (int i = 0; i < 40; i++) {
					this.server.publish(WHISPERS, SampleMessages.get(TopicType.WHISPERS, "thread"));
				}
				this.server.publish("channel-bits-badge-unlocks." + USER,
						SampleMessages.get(TopicType.BITS_BADGE_UNLOCKS, "badge_unlock"));
				this.server.faults().failNextListens(1, "ERR_BADTOPIC");
				client.listenBitsAsync(USER, (id, bits) -> {
				});
				this.server.faults().sendReconnect(null);

				await().untilAsserted(() -> {
					assertThat(
							registry.get("twitch.pubsub.messages.received").tag("type", "whispers").counter().count())
						.isEqualTo(40);
					assertThat(registry.get("twitch.pubsub.messages.dropped")
						.tag("reason", "queue_full")
						.counter()
						.count()).isGreaterThanOrEqualTo(3);
					assertThat(registry.get("twitch.pubsub.listens").tag("result", "ERR_BADTOPIC").timer().count())
						.isEqualTo(1);
					assertThat(registry.get("twitch.pubsub.listens").tag("result", "success").timer().count())
						.isGreaterThanOrEqualTo(2);
					assertThat(
							registry.get("twitch.pubsub.reconnects").tag("cause", "server_reconnect").counter().count())
						.isEqualTo(1);
					assertThat(registry.get("twitch.pubsub.listener")
						.tag("listener.id", "badges")
						.tag("topic.type", "channel-bits-badge-unlocks")
						.tag("outcome", "failure")
						.timer()
						.count()).isEqualTo(1);
					assertThat(registry.get("twitch.pubsub.topics").tag("state", "active").gauge().value())
						.isEqualTo(2);
					assertThat(registry.get("twitch.pubsub.connections").tag("state", "open").gauge().value())
						.isEqualTo(1);
				});
				assertThat(registry.get("twitch.pubsub.queue.depth").gauge().value()).isPositive();
				release.countDown();
				await().until(() -> registry.get("twitch.pubsub.queue.depth").gauge().value() == 0);
				assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
					.noneMatch((tag) -> tag.getValue().contains(USER) || tag.getValue().contains(this.token)));
			});
		release.countDown();
	}

	@Test
	void everyBoundRegistryCounts() {
		PubSubClient client = PubSubClient.builder().accessToken(this.token).build();
		PubSubMetrics metrics = new PubSubMetrics(() -> client);
		MeterRegistry first = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		MeterRegistry second = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		metrics.bindTo(first);
		metrics.bindTo(second);
		metrics.messageReceived(Topic.parse(WHISPERS));
		metrics.messageDropped(null, DropReason.DUPLICATE, 3);
		metrics.reconnecting("pubsub-1", ReconnectCause.SEND_STALLED);
		metrics.listenCompleted(Topic.parse(WHISPERS), "ERR_SOMETHING_NEW", Duration.ofMillis(5));
		for (MeterRegistry registry : List.of(first, second)) {
			assertThat(registry.get("twitch.pubsub.messages.received").tag("type", "whispers").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("twitch.pubsub.messages.dropped").tag("reason", "duplicate").counter().count())
				.isEqualTo(3);
			assertThat(registry.get("twitch.pubsub.reconnects").tag("cause", "send_stalled").counter().count())
				.isEqualTo(1);
			// Every reason and cause is there before it happens, named by its tag value.
			for (DropReason reason : DropReason.values()) {
				assertThat(registry.find("twitch.pubsub.messages.dropped").tag("reason", reason.tagValue()).counter())
					.isNotNull();
			}
			for (ReconnectCause cause : ReconnectCause.values()) {
				assertThat(registry.find("twitch.pubsub.reconnects").tag("cause", cause.tagValue()).counter())
					.isNotNull();
			}
			assertThat(registry.get("twitch.pubsub.reconnects").tag("cause", "keepalive_timeout").counter().count())
				.isZero();
			assertThat(registry.get("twitch.pubsub.listens").tag("result", "other").timer().count())
				.as("an unknown error code does not become a tag value")
				.isEqualTo(1);
			assertThat(registry.get("twitch.pubsub.topics").tag("state", "active").gauge().value()).isZero();
		}
	}

	@Test
	void activityForgetsTopicsNoLongerWanted() {
		PubSubActivity activity = new PubSubActivity();
		Topic whispers = Topic.parse(WHISPERS);
		Topic bits = Topic.parse("channel-bits-events-v2." + USER);
		activity.messageReceived(whispers);
		activity.messageReceived(bits);
		activity.messageReceived(bits);
		assertThat(activity.messages(bits)).isEqualTo(2);
		assertThat(activity.lastMessageAt(bits)).isNotNull();
		activity.topicRemoved(bits);
		assertThat(activity.messages(bits)).isZero();
		assertThat(activity.lastMessageAt(bits)).isNull();
		assertThat(activity.messages(whispers)).isEqualTo(1);
	}

	@Test
	void activityForgetsATopicOnceTheClientNoLongerWantsIt() {
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub").run((context) -> {
			PubSubClient client = context.getBean(PubSubClient.class);
			PubSubActivity activity = context.getBean(PubSubActivity.class);
			PubSubEndpoint endpoint = context.getBean(PubSubEndpoint.class);
			Topic whispers = Topic.parse(WHISPERS);
			UUID subscription = client.listenWhispers(USER, (id, whisper) -> {
			});
			this.server.publish(WHISPERS, SampleMessages.get(TopicType.WHISPERS, "thread"));
			await().until(() -> activity.messages(whispers) == 1);
			assertThat(endpoint.describe().topics()).singleElement()
				.satisfies((topic) -> assertThat(topic.messages()).isEqualTo(1));

			client.unlisten(subscription);
			await().until(() -> activity.messages(whispers) == 0 && activity.lastMessageAt(whispers) == null);
			assertThat(endpoint.describe().topics()).isEmpty();
		});
	}

	@Test
	void readingTheEndpointChangesNothing() {
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub").run((context) -> {
			PubSubActivity activity = context.getBean(PubSubActivity.class);
			PubSubEndpoint endpoint = context.getBean(PubSubEndpoint.class);
			// Activity the client does not (yet) report in its snapshot stays: only
			// topicRemoved forgets.
			Topic elsewhere = Topic.parse("channel-bits-events-v2." + USER);
			activity.messageReceived(elsewhere);
			assertThat(endpoint.describe().topics()).isEmpty();
			assertThat(activity.messages(elsewhere)).isEqualTo(1);
		});
	}

	@Test
	void listenerCallsAreTimedWithoutAnObservationRegistry() {
		connected().withConfiguration(this.metrics).withBean(ThrowingListener.class).run((context) -> {
			assertThat(context).doesNotHaveBean(io.micrometer.observation.ObservationRegistry.class);
			PubSubClient client = context.getBean(PubSubClient.class);
			await().until(() -> client.snapshot().topics().size() == 1 && client.isConnected());
			this.server.publish("channel-bits-badge-unlocks." + USER,
					SampleMessages.get(TopicType.BITS_BADGE_UNLOCKS, "badge_unlock"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().untilAsserted(
					() -> assertThat(registry.get("twitch.pubsub.listener").tag("outcome", "failure").timer().count())
						.isEqualTo(1));
		});
	}

	@Test
	void endpointNeedsTheActuatorAndExposure() {
		connected().run((context) -> assertThat(context).doesNotHaveBean(PubSubEndpoint.class));
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.run((context) -> assertThat(context).hasSingleBean(PubSubEndpoint.class));
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubEndpoint.class));
	}

	@Test
	void endpointShowsTopicsWithTheirHandlersAndReconnectsWithoutLoss() {
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.withBean(ThrowingListener.class)
			.run((context) -> {
				PubSubClient client = context.getBean(PubSubClient.class);
				PubSubEndpoint endpoint = context.getBean(PubSubEndpoint.class);
				await().until(() -> client.snapshot().topics().size() == 1 && client.isConnected());
				this.server.publish("channel-bits-badge-unlocks." + USER,
						SampleMessages.get(TopicType.BITS_BADGE_UNLOCKS, "badge_unlock"));
				await().until(() -> endpoint.describe().topics().get(0).messages() == 1);
				PubSubEndpoint.TopicDescriptor topic = endpoint.describe().topics().get(0);
				assertThat(topic.topic()).isEqualTo("channel-bits-badge-unlocks." + USER);
				assertThat(topic.handlers()).singleElement().asString().startsWith("badges (");
				assertThat(topic.lastMessageAt()).isNotNull();
				String first = endpoint.describe().sockets().get(0).id();

				assertThat(endpoint.reconnect().replaced()).isEqualTo(1);
				await().until(() -> this.server.connections().size() == 1
						&& this.server.connections().get(0).topics().size() == 1
						&& endpoint.describe().counters().reconnects().getOrDefault("requested", 0L) == 1);
				assertThat(endpoint.reconnectOne("pubsub-404").replaced()).isZero();
				// The socket is replaced again once the client has let the old one of the
				// first handover go (the
				// server may see it gone first); until then the request replaces nothing.
				await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.reconnectOne(first).replaced() == 1);
			});
	}

	/** A listener that always fails, to be timed and counted. */
	static class ThrowingListener {

		@TwitchTopic(value = "channel-bits-badge-unlocks", id = "badges")
		void onUnlock(BitsBadgeUnlock unlock, PubSubMessage message) {
			throw new IllegalStateException("broken on purpose");
		}

	}

}
