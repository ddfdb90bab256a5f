package io.github.twitchjvm.eventsub.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubHandler;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubAutoConfiguration;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubHealthContributorAutoConfiguration;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubMetricsAutoConfiguration;
import io.github.twitchjvm.pubsub.actuate.PubSubEndpoint;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubEndpointAutoConfiguration;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.TwitchAccounts;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.junit.FakeTwitch;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * EventSub health, metrics and the endpoint's EventSub section: their back-offs, and what
 * they show after scripted scenarios against the fake EventSub server over 127.0.0.1.
 */
@FakeTwitch
class EventSubActuatorAutoConfigurationTests {

	private static final String USER = "44322889";

	private static final Map<String, String> CHEERS = Map.of("broadcaster_user_id", USER);

	private static final EventSubHandler IGNORE = (subscription, notification) -> {
	};

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PubSubAutoConfiguration.class, EventSubAutoConfiguration.class,
				EventSubHealthContributorAutoConfiguration.class, EventSubMetricsAutoConfiguration.class,
				PubSubEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class))
		.withPropertyValues("twitch.pubsub.enabled=false");

	private final AutoConfigurations metrics = AutoConfigurations.of(MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class);

	private FakeTwitchServer server;

	private FakeEventSub fake;

	private String token;

	@BeforeEach
	void setUp(FakeTwitchServer server) {
		this.server = server;
		this.fake = server.eventSub();
		server.accounts().registerUser(USER, "dallas");
		this.token = server.accounts().issueToken(USER, FakeEventSub.ALL_SCOPES).accessToken();
		await().until(() -> this.fake.sessions().stream().noneMatch((session) -> session.isConnected()));
	}

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues("twitch.eventsub.url=" + this.server.eventSubUri(),
				"twitch.eventsub.helix-url=" + this.server.helixUri(),
				"twitch.eventsub.client-id=" + TwitchAccounts.DEFAULT_CLIENT_ID,
				"twitch.eventsub.access-token=" + this.token, "twitch.eventsub.user-id=" + USER,
				"twitch.eventsub.reconnect.initial-delay=50ms", "twitch.eventsub.reconnect.max-delay=200ms");
	}

	// --- conditions and back-offs ---

	@Test
	void contributesHealthUnlessDisabledAbsentOrReplaced() {
		connected().run((context) -> assertThat(context).hasSingleBean(EventSubHealthIndicator.class)
			.hasBean("twitchEventSubHealthIndicator"));
		connected().withPropertyValues("management.health.twitcheventsub.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventSubHealthIndicator.class)
				.hasSingleBean(EventSubClient.class));
		connected().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventSubHealthIndicator.class)
				.hasSingleBean(EventSubClient.class));
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(EventSubClient.class)
			.doesNotHaveBean(EventSubHealthIndicator.class));
		connected().withBean("twitchEventSubHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(EventSubHealthIndicator.class)
				.hasBean("twitchEventSubHealthIndicator"));
	}

	@Test
	void metricsBackOffWithoutARegistryMicrometerOrClientAndYieldToTheApplications() {
		connected().run((context) -> assertThat(context).hasSingleBean(EventSubClient.class)
			.doesNotHaveBean(EventSubMetrics.class));
		connected().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(EventSubClient.class)
				.doesNotHaveBean(EventSubMetrics.class));
		this.runner.withConfiguration(this.metrics)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(EventSubMetrics.class));
		connected().withConfiguration(this.metrics)
			.withPropertyValues("twitch.eventsub.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventSubMetrics.class)
				.doesNotHaveBean(EventSubHealthIndicator.class));
		connected().withConfiguration(this.metrics)
			.withUserConfiguration(OwnMetrics.class)
			.run((context) -> assertThat(context).hasSingleBean(EventSubMetrics.class).hasBean("ownMetrics"));
		connected().withConfiguration(this.metrics)
			.withPropertyValues("management.metrics.enable.twitch.eventsub=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(EventSubMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("twitch.eventsub.reconnects").counters()).isEmpty();
				assertThat(registry.find("twitch.eventsub.subscriptions").gauges()).isEmpty();
			});
	}

	@Test
	void theActivityIsRegisteredWithTheClientItWatches() {
		connected().run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			EventSubActivity activity = context.getBean(EventSubActivity.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			this.fake.publish(twitchId(cheers), FakeEventSub.sampleEvent("channel.cheer"));
			await().until(() -> activity.notifications(cheers) == 1);
			assertThat(activity.lastNotificationAt(cheers)).isNotNull();
			assertThat(activity.lastNotificationAt()).isNotNull();
		});
	}

	@Test
	void endpointNeedsTheActuatorExposureAndAClientOfEitherProtocol() {
		connected().run((context) -> assertThat(context).doesNotHaveBean(PubSubEndpoint.class));
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.run((context) -> assertThat(context).hasSingleBean(PubSubEndpoint.class));
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PubSubEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PubSubEndpoint.class));
	}

	// --- health ---

	@Test
	void healthIsUpWhenEverySubscriptionIsEnabledAndOutOfServiceWhenStopped() {
		connected().run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			HealthIndicator health = context.getBean(EventSubHealthIndicator.class);
			assertThat(health.health().getStatus()).as("nothing to wait for").isEqualTo(Status.UP);
			client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			Health up = health.health();
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			assertThat(up.getDetails()).containsKeys("sessions", "subscriptions", "sinceLastNotification", "reconnects")
				.doesNotContainKeys("problems", "failedSubscriptions");
			assertThat(up.getDetails().get("subscriptions")).hasToString("{ENABLED=1}");
			assertThat(up.getDetails().get("sessions").toString()).contains("user=" + USER)
				.contains("sessionId=" + client.snapshot().sessions().get(0).sessionId())
				.contains("subscriptions=1")
				.contains("welcomed=true");
			assertThat(up.getDetails().toString()).doesNotContain(this.token);

			client.stop();
			assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void healthGoesDownWhenASubscriptionWaitsLongerThanTheGracePeriodAndUpWhenTwitchAcceptsIt() {
		connected().withPropertyValues("twitch.eventsub.health.grace-period=300ms").run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			HealthIndicator health = context.getBean(EventSubHealthIndicator.class);
			HealthIndicator patient = new EventSubHealthIndicator(client, context.getBean(EventSubActivity.class),
					Duration.ofHours(1));
			// Helix is down: the creation is retried after 2 s, 4 s, 8 s...
			this.fake.failHelix("POST", 503, "service unavailable", 100);
			CompletableFuture<EventSubSubscription> cheers = client.subscribeAsync("channel.cheer", "1", CHEERS,
					IGNORE);
			List<Status> statuses = new ArrayList<>();
			Runnable record = () -> {
				Status status = health.health().getStatus();
				if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
					statuses.add(status);
				}
			};
			record.run();
			await().pollInterval(Duration.ofMillis(20)).until(() -> {
				record.run();
				return statuses.contains(Status.DOWN);
			});
			Health down = health.health();
			assertThat(down.getDetails().get("problems").toString())
				.contains("subscription channel.cheer v1 {broadcaster_user_id=" + USER + "} has waited");
			assertThat(down.getDetails().get("subscriptions")).hasToString("{PENDING=1}");
			assertThat(patient.health().getStatus()).as("within its grace period").isEqualTo(Status.UP);

			this.fake.reset();
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
				record.run();
				return cheers.isDone();
			});
			record.run();
			assertThat(statuses).containsExactly(Status.UP, Status.DOWN, Status.UP);
			assertThat(health.health().getDetails()).doesNotContainKey("problems");
		});
	}

	@Test
	void aLostSessionsSubscriptionsWaitFromTheLossNotFromTheFirstHealthCheck() {
		connected().run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			EventSubActivity activity = context.getBean(EventSubActivity.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			assertThat(activity.waitingSince(cheers)).isNull();
			this.fake.failHelix("POST", 503, "service unavailable", 100);
			this.fake.dropTcp(client.snapshot().sessions().get(0).sessionId());
			await().until(() -> activity.waitingSince(cheers) != null);
			Instant lost = activity.waitingSince(cheers);
			await().until(() -> Duration.between(lost, Instant.now()).toMillis() > 300);

			// Never read before: it still counts from the loss.
			HealthIndicator health = new EventSubHealthIndicator(client, activity, Duration.ofMillis(300));
			assertThat(cheers.state()).isEqualTo(SubscriptionState.PENDING);
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			HealthIndicator withoutActivity = new EventSubHealthIndicator(client, null, Duration.ofMillis(300));
			assertThat(withoutActivity.health().getStatus()).as("counts from its first look").isEqualTo(Status.UP);

			this.fake.reset();
			await().atMost(Duration.ofSeconds(20)).until(() -> cheers.state() == SubscriptionState.ENABLED);
			assertThat(activity.waitingSince(cheers)).isNull();
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIsDownWithTheReasonsWhenASubscriptionFailedOrWasRevoked() {
		connected().run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			HealthIndicator health = context.getBean(EventSubHealthIndicator.class);
			EventSubActivity activity = context.getBean(EventSubActivity.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			this.fake.publish(twitchId(cheers), FakeEventSub.sampleEvent("channel.cheer"));
			await().until(() -> activity.notifications(cheers) == 1);
			this.fake.revoke(twitchId(cheers), "authorization_revoked");
			await().until(() -> cheers.state() == SubscriptionState.REVOKED);
			await().until(() -> activity.notifications(cheers) == 0);

			this.fake.failHelix("POST", 400, "bad\nrequest", 1);
			CompletableFuture<EventSubSubscription> subscriptions = client.subscribeAsync("channel.subscribe", "1",
					CHEERS, IGNORE);
			await().until(subscriptions::isDone);
			assertThat(subscriptions).isCompletedExceptionally();

			Health down = health.health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails().get("problems").toString())
				.contains("subscription channel.cheer v1 {broadcaster_user_id=" + USER + "} is REVOKED")
				.contains("subscription channel.subscribe v1 ")
				.contains("is FAILED");
			assertThat(down.getDetails().get("subscriptions")).hasToString("{REVOKED=1, FAILED=1}");
			String failures = down.getDetails().get("failedSubscriptions").toString();
			assertThat(failures).contains("reason=authorization_revoked")
				.contains("type=channel.subscribe")
				.contains("bad\\nrequest")
				.doesNotContain("bad\nrequest");
		});
	}

	// --- metrics ---

	@Test
	void metricsAfterAScriptedScenario() {
		connected().withConfiguration(this.metrics).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			EventSubClient client = context.getBean(EventSubClient.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			// A subscribed type shows before its first notification.
			await().until(() -> registry.find("twitch.eventsub.notifications.received")
				.tag("type", "channel.cheer")
				.counter() != null);
			assertThat(registry.get("twitch.eventsub.notifications.received")
				.tag("type", "channel.cheer")
				.counter()
				.count()).isZero();
			String cheer = FakeEventSub.sampleEvent("channel.cheer");
			String first = this.fake.publish(twitchId(cheers), cheer);
			this.fake.publish(twitchId(cheers), cheer);
			this.fake.duplicate(first);
			this.fake.publishOld(twitchId(cheers), cheer, Duration.ofMinutes(11));
			String sessionId = client.snapshot().sessions().get(0).sessionId();
			this.fake.reconnect(sessionId);
			await().until(() -> registry.get("twitch.eventsub.reconnects")
				.tag("cause", "server_reconnect")
				.counter()
				.count() == 1 && client.snapshot().sessions().size() == 1
					&& client.snapshot().sessions().get(0).welcomed());
			this.fake.publish(twitchId(cheers), cheer);
			this.fake.failHelix("POST", 400, "bad request", 1);
			CompletableFuture<EventSubSubscription> subscriptions = client.subscribeAsync("channel.subscribe", "1",
					CHEERS, IGNORE);
			await().until(subscriptions::isDone);

			await().untilAsserted(() -> {
				assertThat(registry.get("twitch.eventsub.notifications.received")
					.tag("type", "channel.cheer")
					.counter()
					.count()).isEqualTo(3);
				assertThat(registry.get("twitch.eventsub.notifications.dropped")
					.tag("reason", "duplicate")
					.counter()
					.count()).isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.notifications.dropped")
					.tag("reason", "too_old")
					.counter()
					.count()).isEqualTo(1);
				assertThat(
						registry.get("twitch.eventsub.reconnects").tag("cause", "server_reconnect").counter().count())
					.isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.helix.requests")
					.tag("method", "POST")
					.tag("status", "202")
					.timer()
					.count()).as("the move re-creates nothing").isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.helix.requests")
					.tag("method", "POST")
					.tag("status", "400")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.subscriptions").tag("state", "enabled").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.subscriptions").tag("state", "failed").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("twitch.eventsub.sessions").tag("state", "welcomed").gauge().value())
					.isEqualTo(1);
			});
			for (DropReason reason : DropReason.values()) {
				assertThat(registry.find("twitch.eventsub.notifications.dropped")
					.tag("reason", reason.tagValue())
					.counter()).isNotNull();
			}
			for (ReconnectCause cause : ReconnectCause.values()) {
				assertThat(registry.find("twitch.eventsub.reconnects").tag("cause", cause.tagValue()).counter())
					.isNotNull();
			}
			assertThat(registry.get("twitch.eventsub.reconnects").tag("cause", "keepalive_timeout").counter().count())
				.isZero();
			assertThat(registry.getMeters()).allSatisfy(
					(meter) -> assertThat(meter.getId().getTags()).noneMatch((tag) -> tag.getValue().contains(USER)
							|| tag.getValue().contains(this.token) || tag.getValue().contains(sessionId)));
		});
	}

	@Test
	void everyBoundRegistryCountsAndHelixTagsStayBounded() {
		EventSubClient client = EventSubClient.builder()
			.clientId(TwitchAccounts.DEFAULT_CLIENT_ID)
			.accessToken(this.token)
			.build();
		EventSubMetrics metrics = new EventSubMetrics(() -> client);
		MeterRegistry first = new SimpleMeterRegistry();
		MeterRegistry second = new SimpleMeterRegistry();
		metrics.bindTo(first);
		metrics.bindTo(second);
		metrics.notificationDropped(null, DropReason.NO_SUBSCRIBER, 2);
		metrics.reconnecting(USER, ReconnectCause.KEEPALIVE_TIMEOUT);
		metrics.helixRequestCompleted("PATCH", 0, Duration.ofMillis(5));
		metrics.helixRequestCompleted("GET", 1000, Duration.ofMillis(5));
		for (MeterRegistry registry : List.of(first, second)) {
			assertThat(registry.get("twitch.eventsub.notifications.dropped")
				.tag("reason", "no_subscriber")
				.counter()
				.count()).isEqualTo(2);
			assertThat(registry.get("twitch.eventsub.reconnects").tag("cause", "keepalive_timeout").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("twitch.eventsub.helix.requests")
				.tag("method", "other")
				.tag("status", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("twitch.eventsub.helix.requests")
				.tag("method", "GET")
				.tag("status", "other")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("twitch.eventsub.subscriptions").tag("state", "pending").gauge().value()).isZero();
		}
	}

	// --- activity and endpoint ---

	@Test
	void activityForgetsSubscriptionsCancelledFailedOrRevoked() {
		connected().run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			EventSubActivity activity = context.getBean(EventSubActivity.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			EventSubSubscription moreCheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			this.fake.publish(twitchId(cheers), FakeEventSub.sampleEvent("channel.cheer"));
			await().until(() -> activity.notifications(cheers) == 1 && activity.notifications(moreCheers) == 1);

			client.unsubscribe(moreCheers);
			// Forgotten at the next change the client tells.
			client.subscribe("channel.subscribe", "1", CHEERS, IGNORE);
			await().until(
					() -> activity.notifications(moreCheers) == 0 && activity.lastNotificationAt(moreCheers) == null);
			assertThat(activity.notifications(cheers)).isEqualTo(1);

			this.fake.revoke(twitchId(cheers), "user_removed");
			await().until(() -> activity.notifications(cheers) == 0 && activity.lastNotificationAt(cheers) == null);
		});
	}

	@Test
	void endpointShowsTheEventSubSubscriptionsWithTheirCostStateAndActivity() {
		connected().withPropertyValues("management.endpoints.web.exposure.include=twitchpubsub").run((context) -> {
			EventSubClient client = context.getBean(EventSubClient.class);
			PubSubEndpoint endpoint = context.getBean(PubSubEndpoint.class);
			EventSubSubscription cheers = client.subscribe("channel.cheer", "1", CHEERS, IGNORE);
			EventSubSubscription online = client.subscribe("stream.online", "1", CHEERS, IGNORE);
			this.fake.publish(twitchId(cheers), FakeEventSub.sampleEvent("channel.cheer"));
			this.fake.failHelix("POST", 400, "bad\u001b[31m request " + "x".repeat(400), 1);
			CompletableFuture<EventSubSubscription> subscriptions = client.subscribeAsync("channel.subscribe", "1",
					CHEERS, IGNORE);
			await().until(subscriptions::isDone);
			await().until(() -> endpoint.describe().eventSub().subscriptions().get(0).messages() == 1);

			PubSubEndpoint.PubSubDescriptor described = endpoint.describe();
			assertThat(described.running()).as("no PubSub client").isFalse();
			assertThat(described.sockets()).isEmpty();
			assertThat(described.topics()).isEmpty();
			EventSubSection.EventSubDescriptor eventSub = described.eventSub();
			assertThat(eventSub.running()).isTrue();
			assertThat(eventSub.connected()).as("one subscription failed, none waits").isTrue();
			assertThat(eventSub.sessions()).singleElement().satisfies((session) -> {
				assertThat(session.user()).isEqualTo(USER);
				assertThat(session.sessionId()).isEqualTo(client.snapshot().sessions().get(0).sessionId());
				assertThat(session.subscriptions()).isEqualTo(2);
				assertThat(session.welcomed()).isTrue();
			});
			assertThat(eventSub.subscriptions()).extracting(EventSubSection.SubscriptionDescriptor::type)
				.containsExactly("channel.cheer", "channel.subscribe", "stream.online");
			EventSubSection.SubscriptionDescriptor cheer = eventSub.subscriptions().get(0);
			assertThat(cheer.id()).isEqualTo(cheers.id().toString());
			assertThat(cheer.version()).isEqualTo("1");
			assertThat(cheer.condition()).isEqualTo(CHEERS);
			assertThat(cheer.user()).isEqualTo(USER);
			assertThat(cheer.state()).isEqualTo(SubscriptionState.ENABLED);
			assertThat(cheer.twitchId()).isEqualTo(cheers.twitchId());
			assertThat(cheer.cost()).as("authorized by its broadcaster").isZero();
			assertThat(cheer.failure()).isNull();
			assertThat(cheer.messages()).isEqualTo(1);
			assertThat(cheer.lastMessageAt()).isNotNull();
			EventSubSection.SubscriptionDescriptor subscribe = eventSub.subscriptions().get(1);
			assertThat(subscribe.state()).isEqualTo(SubscriptionState.FAILED);
			assertThat(subscribe.twitchId()).isNull();
			assertThat(subscribe.failure()).contains("bad\\u001b[31m request")
				.doesNotContain("\u001b")
				.hasSizeLessThan(400);
			EventSubSection.SubscriptionDescriptor stream = eventSub.subscriptions().get(2);
			assertThat(stream.cost()).as("Twitch's cost from its answer").isEqualTo(1);
			assertThat(online.cost()).isEqualTo(1);
			assertThat(stream.messages()).isZero();
			assertThat(stream.lastMessageAt()).isNull();
			assertThat(eventSub.counters().received()).isEqualTo(1);
			assertThat(eventSub.counters().delivered()).isEqualTo(1);
			assertThat(endpoint.reconnect().replaced()).as("no PubSub socket to replace").isZero();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMetrics {

		@Bean
		EventSubMetrics ownMetrics(ObjectProvider<EventSubClient> client) {
			return new EventSubMetrics(client::getObject);
		}

	}

	private static String twitchId(EventSubSubscription subscription) {
		String id = subscription.twitchId();
		assertThat(id).isNotNull();
		return id;
	}

}
