package io.github.twitchjvm.pubsub.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * The {@code twitchpubsub} actuator endpoint. Reading shows every socket and topic with
 * its state, the handler methods of each topic, its message count and when its last
 * message arrived; writing replaces every socket (or one) without losing messages, the
 * way the client answers a server's RECONNECT. Read-only unless
 * {@code management.endpoint.twitchpubsub.access=unrestricted}; secured like any
 * endpoint; it shows no token.
 */
@Endpoint(id = "twitchpubsub", defaultAccess = Access.READ_ONLY)
public class PubSubEndpoint {

	private final PubSubClient client;

	private final PubSubActivity activity;

	private final @Nullable TwitchTopicListenerRegistry listeners;

	/**
	 * Creates the endpoint.
	 * @param client the client
	 * @param activity its activity
	 * @param listeners the {@code @TwitchTopic} methods, or {@code null} when the
	 * application has none registered
	 */
	public PubSubEndpoint(PubSubClient client, PubSubActivity activity,
			@Nullable TwitchTopicListenerRegistry listeners) {
		this.client = client;
		this.activity = activity;
		this.listeners = listeners;
	}

	/**
	 * The client now.
	 * @return sockets, topics and counters
	 */
	@ReadOperation
	public PubSubDescriptor describe() {
		ClientSnapshot snapshot = this.client.snapshot();
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
					this.activity.messages(topic.topic()), this.activity.lastMessageAt(topic.topic())))
			.toList();
		ClientSnapshot.Counters counters = snapshot.counters();
		return new PubSubDescriptor(snapshot.running(), this.client.isConnected(), sockets, topics,
				new CountersDescriptor(counters.messagesReceived(), counters.messagesDelivered(), counters.dropped(),
						counters.handlerErrors(), counters.badFrames(), counters.reconnects(),
						counters.listenResults()
							.entrySet()
							.stream()
							.collect(Collectors.toMap((entry) -> entry.getKey().isEmpty() ? "success" : entry.getKey(),
									Map.Entry::getValue))));
	}

	/**
	 * Replaces every open socket, without losing messages.
	 * @return how many sockets are being replaced
	 */
	@WriteOperation
	public ReconnectDescriptor reconnect() {
		return new ReconnectDescriptor(this.client.reconnect(null));
	}

	/**
	 * Replaces one socket, without losing messages.
	 * @param connection the socket's id, such as {@code pubsub-1}
	 * @return how many sockets are being replaced (0 when it is not open)
	 */
	@WriteOperation
	public ReconnectDescriptor reconnectOne(@Selector String connection) {
		return new ReconnectDescriptor(this.client.reconnect(connection));
	}

	private static List<String> handlers(List<TwitchTopicListener> listeners, Topic topic) {
		return listeners.stream()
			.filter((listener) -> listener.topics().contains(topic))
			.map((listener) -> listener.id() + " (" + listener.method().getDeclaringClass().getName() + "."
					+ listener.method().getName() + ")")
			.toList();
	}

	/**
	 * The client.
	 *
	 * @param running whether it is started
	 * @param connected whether every socket it needs is open
	 * @param sockets its sockets
	 * @param topics its topics
	 * @param counters what happened since it was built
	 */
	public record PubSubDescriptor(boolean running, boolean connected, List<SocketDescriptor> sockets,
			List<TopicDescriptor> topics, CountersDescriptor counters) {
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
