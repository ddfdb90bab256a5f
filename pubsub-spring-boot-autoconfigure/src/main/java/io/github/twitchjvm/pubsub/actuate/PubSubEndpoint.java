package io.github.twitchjvm.pubsub.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.twitchjvm.eventsub.actuate.EventSubSection;
import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.ConnectionState;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListener;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListenerRegistry;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code twitchpubsub} actuator endpoint, for both protocols. Reading shows every
 * PubSub socket and topic with its state, the handler methods of each topic, its message
 * count and when its last message arrived; and, in its {@code eventSub} section, the
 * EventSub client's sessions and subscriptions (see {@link EventSubSection}). Writing
 * replaces every PubSub socket (or one) without losing messages, the way the client
 * answers a server's RECONNECT. Without a PubSub client its part is empty (not running,
 * no socket, no topic, zero counts); without an EventSub client {@code eventSub} is
 * {@code null}. Read-only unless
 * {@code management.endpoint.twitchpubsub.access=unrestricted}; secured like any
 * endpoint; it shows no token.
 */
@Endpoint(id = "twitchpubsub", defaultAccess = Access.READ_ONLY)
public class PubSubEndpoint {

	/** What the PubSub part counts without a PubSub client. */
	private static final CountersDescriptor NO_COUNTS = new CountersDescriptor(0, 0, Map.of(), 0, 0, Map.of(),
			Map.of());

	private final @Nullable PubSubClient client;

	private final @Nullable PubSubActivity activity;

	private final @Nullable TwitchTopicListenerRegistry listeners;

	private final @Nullable EventSubSection eventSub;

	/**
	 * Creates the endpoint for a PubSub client alone.
	 * @param client the client
	 * @param activity its activity
	 * @param listeners the {@code @TwitchTopic} methods, or {@code null} when the
	 * application has none registered
	 */
	public PubSubEndpoint(PubSubClient client, PubSubActivity activity,
			@Nullable TwitchTopicListenerRegistry listeners) {
		this(client, activity, listeners, null);
	}

	/**
	 * Creates the endpoint for either client or both.
	 * @param client the PubSub client, or {@code null} when there is none
	 * @param activity its activity ({@code null} exactly when the client is)
	 * @param listeners the {@code @TwitchTopic} methods, or {@code null} when the
	 * application has none registered
	 * @param eventSub the EventSub section, or {@code null} when there is no EventSub
	 * client
	 */
	public PubSubEndpoint(@Nullable PubSubClient client, @Nullable PubSubActivity activity,
			@Nullable TwitchTopicListenerRegistry listeners, @Nullable EventSubSection eventSub) {
		if ((client == null) != (activity == null)) {
			throw new IllegalArgumentException("A PubSub client needs its activity, and only a client has one");
		}
		this.client = client;
		this.activity = activity;
		this.listeners = listeners;
		this.eventSub = eventSub;
	}

	/**
	 * The clients now.
	 * @return sockets, topics and counters of the PubSub client, and the EventSub
	 * client's section
	 */
	@ReadOperation
	public PubSubDescriptor describe() {
		EventSubSection.EventSubDescriptor eventSub = (this.eventSub != null) ? this.eventSub.describe() : null;
		PubSubClient client = this.client;
		PubSubActivity activity = this.activity;
		if (client == null || activity == null) {
			return new PubSubDescriptor(false, false, List.of(), List.of(), NO_COUNTS, eventSub);
		}
		ClientSnapshot snapshot = client.snapshot();
		List<TwitchTopicListener> registered = (this.listeners != null) ? this.listeners.getListeners() : List.of();
		List<SocketDescriptor> sockets = snapshot.connections()
			.stream()
			.map((connection) -> new SocketDescriptor(connection.id(), connection.state(), connection.topics(),
					connection.openedAt(), connection.lastPongAt(),
					(connection.pingRoundTrip() != null) ? connection.pingRoundTrip().toMillis() : null,
					connection.reconnects()))
			.toList();
		List<TopicDescriptor> topics = snapshot.topics()
			.stream()
			.map((topic) -> new TopicDescriptor(topic.topic().value(), topic.state(), topic.failure(),
					topic.connectionId(), topic.subscriptions(), topic.queued(), handlers(registered, topic.topic()),
					activity.messages(topic.topic()), activity.lastMessageAt(topic.topic())))
			.toList();
		ClientSnapshot.Counters counters = snapshot.counters();
		return new PubSubDescriptor(snapshot.running(), client.isConnected(), sockets, topics,
				new CountersDescriptor(counters.messagesReceived(), counters.messagesDelivered(), counters.dropped(),
						counters.handlerErrors(), counters.badFrames(), counters.reconnects(),
						counters.listenResults()
							.entrySet()
							.stream()
							.collect(Collectors.toMap((entry) -> entry.getKey().isEmpty() ? "success" : entry.getKey(),
									Map.Entry::getValue))),
				eventSub);
	}

	/**
	 * Replaces every open PubSub socket, without losing messages.
	 * @return how many sockets are being replaced (0 without a PubSub client)
	 */
	@WriteOperation
	public ReconnectDescriptor reconnect() {
		return new ReconnectDescriptor((this.client != null) ? this.client.reconnect(null) : 0);
	}

	/**
	 * Replaces one PubSub socket, without losing messages.
	 * @param connection the socket's id, such as {@code pubsub-1}
	 * @return how many sockets are being replaced (0 when it is not open)
	 */
	@WriteOperation
	public ReconnectDescriptor reconnectOne(@Selector String connection) {
		return new ReconnectDescriptor((this.client != null) ? this.client.reconnect(connection) : 0);
	}

	private static List<String> handlers(List<TwitchTopicListener> listeners, Topic topic) {
		return listeners.stream()
			.filter((listener) -> listener.topics().contains(topic))
			.map((listener) -> listener.id() + " (" + listener.method().getDeclaringClass().getName() + "."
					+ listener.method().getName() + ")")
			.toList();
	}

	/**
	 * The PubSub client, and the EventSub client's section.
	 *
	 * @param running whether the PubSub client is started
	 * @param connected whether every socket it needs is open
	 * @param sockets its sockets
	 * @param topics its topics
	 * @param counters what happened since it was built
	 * @param eventSub the EventSub client, or {@code null} when there is none
	 */
	public record PubSubDescriptor(boolean running, boolean connected, List<SocketDescriptor> sockets,
			List<TopicDescriptor> topics, CountersDescriptor counters,
			EventSubSection.@Nullable EventSubDescriptor eventSub) {
	}

	/**
	 * A socket.
	 *
	 * @param id its id
	 * @param state its state
	 * @param topics how many topics it carries
	 * @param openedAt when it last opened
	 * @param lastPongAt when it last received a PONG
	 * @param pingRoundTripMillis the last PING round trip
	 * @param reconnects how often it was replaced
	 */
	public record SocketDescriptor(String id, ConnectionState state, int topics, @Nullable Instant openedAt,
			@Nullable Instant lastPongAt, @Nullable Long pingRoundTripMillis, long reconnects) {
	}

	/**
	 * A wanted topic.
	 *
	 * @param topic the topic string
	 * @param state its state
	 * @param failure why it failed or was revoked
	 * @param socket the socket it is listened on
	 * @param subscriptions how many subscriptions share it
	 * @param queued messages waiting for its handlers
	 * @param handlers its {@code @TwitchTopic} methods
	 * @param messages messages received so far
	 * @param lastMessageAt when the last one arrived
	 */
	public record TopicDescriptor(String topic, TopicState state, @Nullable String failure, @Nullable String socket,
			int subscriptions, int queued, List<String> handlers, long messages, @Nullable Instant lastMessageAt) {
	}

	/**
	 * Counts since the client was built.
	 *
	 * @param messagesReceived MESSAGE frames received
	 * @param messagesDelivered messages handed to handlers
	 * @param dropped messages not delivered, by reason
	 * @param handlerErrors handler invocations that threw
	 * @param badFrames frames that could not be used
	 * @param reconnects sockets replaced, by cause
	 * @param listens LISTEN results, by result
	 */
	public record CountersDescriptor(long messagesReceived, long messagesDelivered, Map<String, Long> dropped,
			long handlerErrors, long badFrames, Map<String, Long> reconnects, Map<String, Long> listens) {
	}

	/**
	 * The answer to a reconnect request.
	 *
	 * @param replaced how many sockets are being replaced
	 */
	public record ReconnectDescriptor(int replaced) {
	}

}
