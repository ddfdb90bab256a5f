package io.github.twitchjvm.eventsub.actuate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubListener;
import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The EventSub client's metrics, all named {@code twitch.eventsub.*} with low-cardinality
 * tags only (a subscription type, never a condition or an id; a reason, a cause, an HTTP
 * method and status): sessions (welcomed or connecting) and subscriptions by state,
 * notifications received by type and dropped by reason, reconnects by cause, and Helix
 * requests by method and status (a timer). Counts come from the client's listener
 * callbacks, states from its snapshot when a registry reads them. Turn them off with
 * {@code management.metrics.enable.twitch.eventsub=false}.
 */
public class EventSubMetrics implements MeterBinder, EventSubListener {

	/** The methods the client sends to Helix; anything else is {@code other}. */
	private static final Set<String> HELIX_METHODS = Set.of("GET", "POST", "DELETE");

	/** The states a snapshot shows: a cancelled subscription leaves it. */
	private static final List<SubscriptionState> STATES = List.of(SubscriptionState.PENDING, SubscriptionState.ENABLED,
			SubscriptionState.REVOKED, SubscriptionState.FAILED);

	private final Supplier<EventSubClient> client;

	/**
	 * One set per registry bound (several when an application has registries but no
	 * composite).
	 */
	private final List<Meters> meters = new CopyOnWriteArrayList<>();

	/** Gauges of one scrape share one snapshot. */
	private final RecentSnapshot<EventSubClient, EventSubSnapshot> snapshot = new RecentSnapshot<>(
			EventSubClient::snapshot);

	/**
	 * Creates the metrics.
	 * @param client the client the gauges read, looked up when a registry binds them (the
	 * client is built with these metrics as a listener)
	 */
	public EventSubMetrics(Supplier<EventSubClient> client) {
		this.client = client;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		EventSubClient source = this.client.get();
		Gauge.builder("twitch.eventsub.sessions", source,
				(client) -> snapshot(client).sessions().stream().filter(EventSubSnapshot.SessionView::welcomed).count())
			.description("Sessions of the client, by whether Twitch welcomed them")
			.tag("state", "welcomed")
			.register(registry);
		Gauge
			.builder("twitch.eventsub.sessions", source,
					(client) -> snapshot(client).sessions().stream().filter((s) -> !s.welcomed()).count())
			.description("Sessions of the client, by whether Twitch welcomed them")
			.tag("state", "connecting")
			.register(registry);
		for (SubscriptionState state : STATES) {
			Gauge
				.builder("twitch.eventsub.subscriptions", source,
						(client) -> snapshot(client).subscriptions().stream().filter((s) -> s.state() == state).count())
				.description("Subscriptions the application holds, by state")
				.tag("state", state.tagValue())
				.register(registry);
		}
		this.meters.add(new Meters(registry));
	}

	private EventSubSnapshot snapshot(EventSubClient client) {
		return this.snapshot.of(client);
	}

	@Override
	public void notificationReceived(EventSubSubscription subscription) {
		String type = subscription.type();
		for (Meters current : this.meters) {
			current.received(type).increment();
		}
	}

	/** A subscribed type shows 0 before its first notification rather than no line. */
	@Override
	public void subscriptionEnabled(EventSubSubscription subscription) {
		for (Meters current : this.meters) {
			current.received(subscription.type());
		}
	}

	@Override
	public void notificationDropped(@Nullable EventSubSubscription subscription, DropReason reason, long count) {
		for (Meters current : this.meters) {
			current.dropped(reason).increment(count);
		}
	}

	@Override
	public void reconnecting(String userId, ReconnectCause cause) {
		for (Meters current : this.meters) {
			current.reconnects(cause).increment();
		}
	}

	@Override
	public void helixRequestCompleted(String method, int status, Duration elapsed) {
		String methodTag = HELIX_METHODS.contains(method) ? method : "other";
		String statusTag = (status == 0) ? "none"
				: (status >= 100 && status <= 599) ? Integer.toString(status) : "other";
		for (Meters current : this.meters) {
			current.helix
				.computeIfAbsent(methodTag + " " + statusTag, (key) -> Timer.builder("twitch.eventsub.helix.requests")
					.description("Helix requests (creating, listing, deleting subscriptions) until their answer, by "
							+ "method and HTTP status (none when no answer came)")
					.tag("method", methodTag)
					.tag("status", statusTag)
					.register(current.registry))
				.record(elapsed);
		}
	}

	/** The meters of one registry (the composite, under Spring Boot). */
	private static final class Meters {

		final MeterRegistry registry;

		/**
		 * By subscription type: the application's types, a few dozen at most, registered
		 * as they first arrive.
		 */
		final Map<String, Counter> received = new ConcurrentHashMap<>();

		final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

		final Map<ReconnectCause, Counter> reconnects = new EnumMap<>(ReconnectCause.class);

		final Map<String, Timer> helix = new ConcurrentHashMap<>();

		Meters(MeterRegistry registry) {
			this.registry = registry;
			// Every reason and cause up front: a dashboard shows zeros rather than gaps,
			// and counting never registers.
			for (DropReason reason : DropReason.values()) {
				this.dropped.put(reason,
						Counter.builder("twitch.eventsub.notifications.dropped")
							.description("Notifications that reached no handler, by reason")
							.tag("reason", reason.tagValue())
							.register(registry));
			}
			for (ReconnectCause cause : ReconnectCause.values()) {
				this.reconnects.put(cause,
						Counter.builder("twitch.eventsub.reconnects")
							.description("Sessions replaced, by cause")
							.tag("cause", cause.tagValue())
							.register(registry));
			}
		}

		Counter received(String type) {
			Counter counter = this.received.get(type);
			if (counter == null) {
				counter = this.received.computeIfAbsent(type,
						(key) -> Counter.builder("twitch.eventsub.notifications.received")
							.description("Notifications handed to handlers, by subscription type (once per handler "
									+ "of the subscription)")
							.tag("type", key)
							.register(this.registry));
			}
			return counter;
		}

		/**
		 * Every reason and cause has its counter from the start (see the constructor).
		 */
		Counter dropped(DropReason reason) {
			return Objects.requireNonNull(this.dropped.get(reason));
		}

		Counter reconnects(ReconnectCause cause) {
			return Objects.requireNonNull(this.reconnects.get(cause));
		}

	}

}
