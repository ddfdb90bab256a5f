package io.github.twitchjvm.eventsub.actuate;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.twitchjvm.bridge.TopicRoute;
import io.github.twitchjvm.bridge.UnsupportedTopicException;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.annotation.EventSubscriptionKey;
import io.github.twitchjvm.eventsub.annotation.TwitchEventListener;
import io.github.twitchjvm.eventsub.annotation.TwitchEventListenerRegistry;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListener;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * The EventSub section of the {@code twitchpubsub} actuator endpoint: the client's
 * sessions, every subscription with its state, Twitch's id and cost, why it failed or was
 * revoked, its notifications and the last one's time, and the client's counters. Shows no
 * token.
 */
public final class EventSubSection {

	private static final Comparator<EventSubSubscription> ORDER = Comparator.comparing(EventSubSubscription::type)
		.thenComparing(EventSubSubscription::version)
		.thenComparing((subscription) -> new TreeMap<>(subscription.condition()).toString())
		.thenComparing(EventSubSubscription::id);

	private final EventSubClient client;

	private final @Nullable EventSubActivity activity;

	private final @Nullable TwitchEventListenerRegistry listeners;

	private final @Nullable TwitchTopicListenerRegistry topicListeners;

	/**
	 * Creates the section.
	 * @param client the client
	 * @param activity the activity it reports to, or {@code null} when it reports to none
	 * (an application's own client): then no notification is counted
	 */
	public EventSubSection(EventSubClient client, @Nullable EventSubActivity activity) {
		this(client, activity, null);
	}

	/**
	 * Creates the section.
	 * @param client the client
	 * @param activity the activity it reports to, or {@code null} when it reports to none
	 * @param listeners the {@code @TwitchEvent} methods, shown beside the subscriptions
	 * they receive, or {@code null} when there are none
	 */
	public EventSubSection(EventSubClient client, @Nullable EventSubActivity activity,
			@Nullable TwitchEventListenerRegistry listeners) {
		this(client, activity, listeners, null);
	}

	/**
	 * Creates the section of an application whose {@code @TwitchTopic} listeners ride on
	 * EventSub ({@code twitch.pubsub.transport=eventsub}).
	 * @param client the client
	 * @param activity the activity it reports to, or {@code null} when it reports to none
	 * @param listeners the {@code @TwitchEvent} methods, or {@code null} when there are
	 * none
	 * @param topicListeners the {@code @TwitchTopic} methods, shown beside the
	 * subscriptions their topics ride on, or {@code null}
	 */
	public EventSubSection(EventSubClient client, @Nullable EventSubActivity activity,
			@Nullable TwitchEventListenerRegistry listeners, @Nullable TwitchTopicListenerRegistry topicListeners) {
		this.client = client;
		this.activity = activity;
		this.listeners = listeners;
		this.topicListeners = topicListeners;
	}

	/**
	 * The client now.
	 * @return its sessions, subscriptions and counters
	 */
	public EventSubDescriptor describe() {
		boolean running = this.client.isRunning();
		boolean connected = this.client.isConnected();
		EventSubSnapshot snapshot = this.client.snapshot();
		List<SessionDescriptor> sessions = snapshot.sessions()
			.stream()
			.map((session) -> new SessionDescriptor(session.userId(), session.sessionId(), session.subscriptions(),
					session.welcomed()))
			.toList();
		List<TwitchEventListener> registered = (this.listeners != null) ? this.listeners.getListeners() : List.of();
		List<TwitchTopicListener> topics = (this.topicListeners != null) ? this.topicListeners.getListeners()
				: List.of();
		List<SubscriptionDescriptor> subscriptions = snapshot.subscriptions()
			.stream()
			.sorted(ORDER)
			.map((subscription) -> subscription(subscription, registered, topics))
			.toList();
		EventSubSnapshot.Counters counters = snapshot.counters();
		return new EventSubDescriptor(running, connected, sessions, subscriptions,
				new CountersDescriptor(counters.received(), counters.delivered(), counters.handlerFailures(),
						counters.malformedFrames(), new TreeMap<>(counters.dropped()),
						new TreeMap<>(counters.reconnects())));
	}

	private SubscriptionDescriptor subscription(EventSubSubscription subscription, List<TwitchEventListener> registered,
			List<TwitchTopicListener> topics) {
		EventSubActivity activity = this.activity;
		EventSubscriptionKey key = new EventSubscriptionKey(subscription.type(), subscription.version(),
				subscription.condition());
		List<String> handlers = new ArrayList<>();
		registered.stream()
			.filter((listener) -> listener.subscriptions().contains(key))
			.forEach((listener) -> handlers.add(handler(listener.id(), listener.method())));
		topics.stream()
			.filter((listener) -> listener.topics().stream().anyMatch((topic) -> ridesOn(topic, key)))
			.forEach((listener) -> handlers.add("@TwitchTopic " + handler(listener.id(), listener.method())));
		return new SubscriptionDescriptor(subscription.id().toString(), subscription.type(), subscription.version(),
				new TreeMap<>(subscription.condition()), subscription.userId(), subscription.state(),
				subscription.twitchId(), subscription.cost(), FailureText.of(subscription), handlers,
				(activity != null) ? activity.notifications(subscription) : 0,
				(activity != null) ? activity.lastNotificationAt(subscription) : null);
	}

	private static String handler(String id, Method method) {
		return id + " (" + method.getDeclaringClass().getName() + "." + method.getName() + ")";
	}

	private static boolean ridesOn(Topic topic, EventSubscriptionKey key) {
		try {
			return TopicRoute.of(topic)
				.rides()
				.stream()
				.anyMatch((ride) -> ride.type().equals(key.type()) && ride.version().equals(key.version())
						&& ride.condition().equals(key.condition()));
		}
		catch (UnsupportedTopicException ex) {
			return false;
		}
	}

	/**
	 * The EventSub client.
	 *
	 * @param running whether it is started
	 * @param connected whether it is started and every subscription is enabled
	 * @param sessions its sessions
	 * @param subscriptions the subscriptions the application holds
	 * @param counters what happened since it was built
	 */
	public record EventSubDescriptor(boolean running, boolean connected, List<SessionDescriptor> sessions,
			List<SubscriptionDescriptor> subscriptions, CountersDescriptor counters) {
	}

	/**
	 * A session.
	 *
	 * @param user the user whose subscriptions it carries
	 * @param sessionId Twitch's session id, {@code null} before the welcome
	 * @param subscriptions how many subscriptions it carries
	 * @param welcomed whether Twitch welcomed it
	 */
	public record SessionDescriptor(String user, @Nullable String sessionId, int subscriptions, boolean welcomed) {
	}

	/**
	 * A subscription the application holds.
	 *
	 * @param id the client's id of it, which reconnects do not change
	 * @param type the subscription type
	 * @param version its version
	 * @param condition its condition
	 * @param user the user whose token creates it
	 * @param state its state
	 * @param twitchId Twitch's id while it is enabled
	 * @param cost what Twitch said it costs when it last created it (0 before)
	 * @param failure Twitch's revocation status or why it failed (escaped and cut)
	 * @param handlers the {@code @TwitchEvent} methods it reaches, by listener id, and
	 * the {@code @TwitchTopic} methods whose topics ride on it
	 * @param messages notifications handed to its handler so far
	 * @param lastMessageAt when the last one arrived
	 */
	public record SubscriptionDescriptor(String id, String type, String version, Map<String, String> condition,
			String user, SubscriptionState state, @Nullable String twitchId, int cost, @Nullable String failure,
			List<String> handlers, long messages, @Nullable Instant lastMessageAt) {
	}

	/**
	 * Counts since the client was built.
	 *
	 * @param received notifications received (duplicates included)
	 * @param delivered notifications a handler returned from
	 * @param handlerFailures notifications a handler threw on
	 * @param malformedFrames messages from the server that were no EventSub frame
	 * @param dropped notifications that reached no handler, by reason
	 * @param reconnects sessions replaced, by cause
	 */
	public record CountersDescriptor(long received, long delivered, long handlerFailures, long malformedFrames,
			Map<String, Long> dropped, Map<String, Long> reconnects) {
	}

}
