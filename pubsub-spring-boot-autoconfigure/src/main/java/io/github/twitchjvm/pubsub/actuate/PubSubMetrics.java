package io.github.twitchjvm.pubsub.actuate;

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
import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.ConnectionState;
import io.github.twitchjvm.eventsub.actuate.RecentSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.TopicStatus;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The client's metrics, all named {@code twitch.pubsub.*} with low-cardinality tags only
 * (a topic's family, never its ids; a cause, a reason or an error code): sockets and
 * topics by state, queued messages, messages received by family and dropped by reason,
 * reconnects by cause, LISTEN results by error code (a timer), and PING round trips.
 * Counts come from the client's activity callbacks, states from its snapshot when a
 * registry reads them. Turn them off with
 * {@code management.metrics.enable.twitch.pubsub=false}.
 */
public class PubSubMetrics implements MeterBinder, PubSubListener {

	/**
	 * LISTEN results Twitch documented; anything else a server sends is {@code other}, to
	 * bound the tag.
	 */
	private static final Set<String> LISTEN_RESULTS = Set.of("success", "timeout", "ERR_BADAUTH", "ERR_BADMESSAGE",
			"ERR_BADTOPIC", "ERR_SERVER");

	private final Supplier<PubSubClient> client;

	/**
	 * One set per registry bound (several when an application has registries but no
	 * composite).
	 */
	private final List<Meters> meters = new CopyOnWriteArrayList<>();

	/** Gauges of one scrape share one snapshot. */
	private final RecentSnapshot<PubSubClient, ClientSnapshot> snapshot = new RecentSnapshot<>(PubSubClient::snapshot);

	/**
	 * Creates the metrics.
	 * @param client the client the gauges read, looked up when a registry binds them (the
	 * client is built with these metrics as a listener)
	 */
	public PubSubMetrics(Supplier<PubSubClient> client) {
		this.client = client;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		PubSubClient source = this.client.get();
		for (ConnectionState state : ConnectionState.values()) {
			Gauge
				.builder("twitch.pubsub.connections", source,
						(client) -> snapshot(client).connections().stream().filter((c) -> c.state() == state).count())
				.description("Sockets of the client, by state")
				.tag("state", tag(state.name()))
				.register(registry);
		}
		for (TopicState state : TopicState.values()) {
			Gauge
				.builder("twitch.pubsub.topics", source,
						(client) -> snapshot(client).topics().stream().filter((t) -> t.state() == state).count())
				.description("Wanted topics, by state")
				.tag("state", tag(state.name()))
				.register(registry);
		}
		Gauge
			.builder("twitch.pubsub.queue.depth", source,
					(client) -> snapshot(client).topics().stream().mapToInt(TopicStatus::queued).sum())
			.description("Messages waiting for their handlers, over all subscriptions")
			.register(registry);
		Gauge.builder("twitch.pubsub.queue.bytes", source, (client) -> snapshot(client).queuedBytes())
			.description("What the messages waiting for their handlers take, as the queue budget counts it")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("twitch.pubsub.reading.paused", source, (client) -> snapshot(client).readingPaused() ? 1 : 0)
			.description("1 while reading is paused because handlers are behind (overflow: pause-reading)")
			.register(registry);
		this.meters.add(new Meters(registry));
	}

	private ClientSnapshot snapshot(PubSubClient client) {
		return this.snapshot.of(client);
	}

	@Override
	public void messageReceived(Topic topic) {
		TopicType type = topic.type();
		for (Meters current : this.meters) {
			current.received(type).increment();
		}
	}

	@Override
	public void messageDropped(@Nullable Topic topic, DropReason reason, long count) {
		for (Meters current : this.meters) {
			current.dropped(reason).increment(count);
		}
	}

	@Override
	public void reconnecting(String connectionId, ReconnectCause cause) {
		for (Meters current : this.meters) {
			current.reconnects(cause).increment();
		}
	}

	@Override
	public void listenCompleted(Topic topic, @Nullable String error, Duration elapsed) {
		String result = (error == null) ? "success" : LISTEN_RESULTS.contains(error) ? error : "other";
		for (Meters current : this.meters) {
			current.listens
				.computeIfAbsent(result,
						(key) -> Timer.builder("twitch.pubsub.listens")
							.description("LISTEN requests until their answer, by result (success or the error code)")
							.tag("result", key)
							.register(current.registry))
				.record(elapsed);
		}
	}

	@Override
	public void pongReceived(String connectionId, Duration roundTrip) {
		for (Meters current : this.meters) {
			current.ping.record(roundTrip);
		}
	}

	private static String tag(String constant) {
		return constant.toLowerCase(java.util.Locale.ROOT);
	}

	/** The meters of one registry (the composite, under Spring Boot). */
	private static final class Meters {

		final MeterRegistry registry;

		final Map<TopicType, Counter> received = new EnumMap<>(TopicType.class);

		final Counter receivedUndocumented;

		final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

		final Map<ReconnectCause, Counter> reconnects = new EnumMap<>(ReconnectCause.class);

		final Map<String, Timer> listens = new ConcurrentHashMap<>();

		final Timer ping;

		Meters(MeterRegistry registry) {
			this.registry = registry;
			for (TopicType type : TopicType.values()) {
				this.received.put(type, received(registry, type.prefix()));
			}
			this.receivedUndocumented = received(registry, "undocumented");
			// Every reason and cause up front: a dashboard shows zeros rather than gaps,
			// and counting never registers.
			for (DropReason reason : DropReason.values()) {
				this.dropped.put(reason,
						Counter.builder("twitch.pubsub.messages.dropped")
							.description("Messages not delivered to handlers, by reason")
							.tag("reason", reason.tagValue())
							.register(registry));
			}
			for (ReconnectCause cause : ReconnectCause.values()) {
				this.reconnects.put(cause,
						Counter.builder("twitch.pubsub.reconnects")
							.description("Sockets replaced, by cause")
							.tag("cause", cause.tagValue())
							.register(registry));
			}
			this.ping = Timer.builder("twitch.pubsub.ping").description("PING to PONG round trips").register(registry);
		}

		private static Counter received(MeterRegistry registry, String type) {
			return Counter.builder("twitch.pubsub.messages.received")
				.description("MESSAGE frames received for wanted topics, by topic family")
				.tag("type", type)
				.register(registry);
		}

		/**
		 * Every family, reason and cause has its counter from the start (see the
		 * constructor).
		 */
		Counter received(@Nullable TopicType type) {
			return (type != null) ? Objects.requireNonNull(this.received.get(type)) : this.receivedUndocumented;
		}

		Counter dropped(DropReason reason) {
			return Objects.requireNonNull(this.dropped.get(reason));
		}

		Counter reconnects(ReconnectCause cause) {
			return Objects.requireNonNull(this.reconnects.get(cause));
		}

	}

}
