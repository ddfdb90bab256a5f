package io.github.twitchjvm.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubNotification;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.slf4j.LoggerFactory;

/**
 * PubSub topics served by an {@link EventSubClient}: code written for PubSub (a
 * {@link PubSubHandler} of {@link PubSubMessage}, whose {@link PubSubMessage#payload()}
 * decodes the family's typed payload) keeps working on EventSub, which replaced PubSub.
 *
 * <pre>{@code
 * PubSubOverEventSub pubsub = new PubSubOverEventSub(eventSubClient);
 * UUID id = pubsub.listenAsync(Topic.parse("channel-bits-events-v2.1337"), (subscription, message) -> {
 *     if (message.payload() instanceof BitsEvent.Cheer cheer) {
 *         System.out.println(cheer.userName() + " cheered " + cheer.bitsUsed());
 *     }
 * }).join();
 * pubsub.unlisten(id);
 * }</pre>
 *
 * <p>
 * Each topic rides on the EventSub subscriptions of its {@link TopicRoute}, made on the
 * given client (started or not: the client creates them once it runs). Each notification
 * is converted into the text the topic's family carried on PubSub ({@code data.message}),
 * with the fields EventSub does not carry left out, never invented
 * ({@link PayloadMigration}, {@code docs/migration.md}). A notification with no PubSub
 * counterpart for the family (a chat notice other than a bits badge tier, a Shared Chat
 * moderation action...) is not delivered, and counted in {@link #skipped()}. Handlers run
 * on the EventSub client's dispatch threads, one notification at a time per ride; an
 * exception from a handler is the EventSub client's to log and count.
 *
 * <p>
 * Thread-safe.
 */
public final class PubSubOverEventSub {

	private final EventSubClient client;

	private final Map<UUID, Listening> listenings = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

	private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(PubSubOverEventSub.class),
			Duration.ofSeconds(10));

	/**
	 * Serves PubSub topics from a client.
	 * @param client the EventSub client whose subscriptions the topics ride on; its owner
	 * starts and stops it
	 */
	public PubSubOverEventSub(EventSubClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	/**
	 * Listens to a PubSub topic over EventSub.
	 * @param topic a documented PubSub topic
	 * @param handler receives the converted messages, each a {@link PubSubMessage} of the
	 * topic, with the id this future completes with
	 * @return completes with the PubSub-style subscription id once Twitch accepted every
	 * EventSub subscription of the topic's route, or exceptionally with the EventSub
	 * client's exception for the first one refused (then the others are ended too)
	 * @throws UnsupportedTopicException at once for a topic without a faithful EventSub
	 * route (undocumented topics)
	 */
	public CompletableFuture<UUID> listenAsync(Topic topic, PubSubHandler<PubSubMessage> handler) {
		Objects.requireNonNull(handler, "handler");
		TopicRoute route = TopicRoute.of(topic);
		FamilyConversion conversion = Conversions.of(Objects.requireNonNull(topic.type()));
		Listening listening = new Listening(UUID.randomUUID(), route, conversion, handler);
		this.listenings.put(listening.id, listening);
		CompletableFuture<UUID> listened = new CompletableFuture<>();
		AtomicInteger waiting = new AtomicInteger(route.rides().size());
		try {
			for (EventSubRide ride : route.rides()) {
				CompletableFuture<EventSubSubscription> accepted = this.client.subscribeAsync(ride.type(),
						ride.version(), ride.condition(),
						(subscription, notification) -> deliver(listening, notification));
				listening.ride(accepted, this.client);
				accepted.whenComplete((subscription, failure) -> {
					if (failure != null) {
						unlisten(listening.id);
						listened.completeExceptionally(unwrapped(failure));
					}
					else if (waiting.decrementAndGet() == 0) {
						if (listening.ended) {
							listened.completeExceptionally(
									new CancellationException("unlisten was called before Twitch accepted every ride"));
						}
						else {
							listened.complete(listening.id);
						}
					}
				});
			}
		}
		catch (RuntimeException ex) {
			unlisten(listening.id);
			throw ex;
		}
		return listened;
	}

	/**
	 * Ends every EventSub subscription of a topic listened to with
	 * {@link #listenAsync(Topic, PubSubHandler)}: its handler receives nothing more, and
	 * Twitch's subscription is deleted unless another handler shares it. An unknown id is
	 * ignored.
	 * @param subscription the id {@code listenAsync} completed with
	 */
	public void unlisten(UUID subscription) {
		Listening listening = this.listenings.remove(subscription);
		if (listening != null) {
			listening.end(this.client);
		}
	}

	/**
	 * The routes of the topics listened to now.
	 * @return each listening's id and route
	 */
	public Map<UUID, TopicRoute> routes() {
		Map<UUID, TopicRoute> routes = new HashMap<>();
		this.listenings.forEach((id, listening) -> routes.put(id, listening.route));
		return Map.copyOf(routes);
	}

	/**
	 * Notifications not delivered since this bridge was built, by reason: the EventSub
	 * type and why, such as {@code channel.chat.notification/notice_type=resub} (a chat
	 * notice on a bits badge topic), {@code channel.moderate/action=shared_chat_ban} or
	 * {@code channel.cheer/undecodable} (an event that is not a JSON object). Counted
	 * once per topic that did not deliver it.
	 * @return the counts, sorted by reason
	 */
	public Map<String, Long> skipped() {
		Map<String, Long> counts = new TreeMap<>();
		this.skipped.forEach((reason, count) -> counts.put(reason, count.sum()));
		return Collections.unmodifiableMap(counts);
	}

	private void deliver(Listening listening, EventSubNotification notification) throws Exception {
		if (listening.ended) {
			return;
		}
		Conversion converted = convert(listening, notification);
		String reason = converted.skipReason();
		if (reason != null) {
			this.skipped.computeIfAbsent(notification.type() + "/" + reason, (key) -> new LongAdder()).increment();
			return;
		}
		// Every message is delivered even if the handler throws for one, as PubSub
		// delivered them one by one; the first failure then goes to the EventSub client.
		Exception failure = null;
		for (String text : converted.messages()) {
			try {
				listening.handler.handle(listening.id,
						new PubSubMessage(listening.topic, text, notification.receivedAt()));
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private Conversion convert(Listening listening, EventSubNotification notification) {
		EventSubEvent event;
		try {
			event = notification.event();
		}
		catch (RuntimeException ex) {
			return Conversion.skip("undecodable");
		}
		try {
			return listening.conversion.convert(listening.topic, new SourceEvent(notification.type(),
					notification.version(), notification.messageId(), notification.timestamp(), event));
		}
		catch (RuntimeException ex) {
			// A bug here must cost one notification, not the subscription.
			TopicType family = Objects.requireNonNull(listening.topic.type());
			this.log.error("conversion-" + notification.type(), "Converting a {} notification for {} failed: {}",
					notification.type(), family.prefix(), LogText.safe(String.valueOf(ex), 300));
			return Conversion.skip("conversion_failed");
		}
	}

	private static Throwable unwrapped(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	/** One topic listened to: its handler and the EventSub subscriptions it rides on. */
	private static final class Listening {

		private final UUID id;

		private final Topic topic;

		private final TopicRoute route;

		private final FamilyConversion conversion;

		private final PubSubHandler<PubSubMessage> handler;

		private final List<CompletableFuture<EventSubSubscription>> rides = new ArrayList<>();

		private volatile boolean ended;

		Listening(UUID id, TopicRoute route, FamilyConversion conversion, PubSubHandler<PubSubMessage> handler) {
			this.id = id;
			this.topic = route.topic();
			this.route = route;
			this.conversion = conversion;
			this.handler = handler;
		}

		synchronized void ride(CompletableFuture<EventSubSubscription> accepted, EventSubClient client) {
			if (this.ended) {
				accepted.thenAccept(client::unsubscribe);
			}
			else {
				this.rides.add(accepted);
			}
		}

		/**
		 * Ends each ride once it exists at the client: a subscription still waiting for
		 * Twitch is ended when Twitch accepts it.
		 */
		synchronized void end(EventSubClient client) {
			this.ended = true;
			this.rides.forEach((accepted) -> accepted.thenAccept(client::unsubscribe));
			this.rides.clear();
		}

	}

}
