package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.twitchjvm.core.dispatch.Dispatcher;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A Twitch PubSub client: the whole API of the reference client
 * {@code twitchAPI.pubsub.PubSub}, on a connection engine that recovers from every
 * failure the protocol knows and never goes silent after a reconnect.
 *
 * <pre>{@code
 * PubSubClient client = PubSubClient.builder()
 *     .tokenProvider(StaticTokenProvider.of(AccessToken.of(token, Set.of("whispers:read"))))
 *     .build();
 * client.start();
 * UUID id = client.listenWhispers("44322889", (subscription, whisper) -> {
 *     if (whisper instanceof WhisperEvent.Received received) {
 *         System.out.println(received.whisper().tags().displayName() + ": " + received.whisper().body());
 *     }
 * });
 * // ...
 * client.unlisten(id);
 * client.stop();
 * }</pre>
 *
 * <p>
 * Each {@code listen*} method returns the subscription's id once the server confirmed the
 * LISTEN (at once before {@link #start()}; the topic is then listened when the client
 * connects) and has an {@code ...Async} twin returning a future. Several subscriptions to
 * one topic share one LISTEN. Handlers run on the dispatch executor, in order per
 * subscription, never on a socket's thread. Instances are thread-safe.
 */
public final class PubSubClient {

	/**
	 * Twitch's PubSub address (switched off on 2025-04-14; point the client at a fake
	 * server).
	 */
	public static final URI TWITCH_PUBSUB_URI = URI.create("wss://pubsub-edge.twitch.tv");

	private final ClientSettings settings;

	private final PubSubEngine engine;

	private final ClientLifecycle lifecycle;

	private final EngineLoop engineLoop;

	private final EngineLoop notificationLoop;

	PubSubClient(ClientSettings settings, EngineLoop engineLoop, EngineLoop notificationLoop) {
		this.settings = settings;
		RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(PubSubClient.class), Duration.ofSeconds(10));
		EngineNotifier notifier = new EngineNotifier(settings.listeners(), notificationLoop, log);
		ClientCounters counters = new ClientCounters(settings.listeners(), notifier);
		this.engineLoop = engineLoop;
		this.notificationLoop = notificationLoop;
		Dispatcher dispatcher = new Dispatcher(settings.dispatchExecutor(), "pubsub-dispatch");
		// Sockets resume on the engine's loop: resuming may read, never on a drain's
		// thread.
		QueueBudget budget = new QueueBudget(settings.maxQueuedBytes(), settings.maxQueuedBytesPerSubscription(),
				settings.overflow(), log, engineLoop::execute);
		this.engine = new PubSubEngine(settings, engineLoop, notifier, counters, log, dispatcher, budget);
		this.lifecycle = new ClientLifecycle(settings, dispatcher, this.engine);
	}

	/**
	 * Starts building a client.
	 * @return a builder with Twitch's defaults
	 */
	public static PubSubClientBuilder builder() {
		return new PubSubClientBuilder();
	}

	// --- lifecycle ---

	/**
	 * Connects and listens to every topic listened to so far. Sockets open as topics need
	 * them: a client without topics holds none (Twitch closes a socket that listens to
	 * nothing within 15 s).
	 * @throws IllegalStateException if the client is already started
	 */
	public void start() {
		this.lifecycle.start();
	}

	/**
	 * Closes every socket, stops the timers, lets queued deliveries finish within the
	 * dispatch drain timeout (then drops what is left) and ends every thread the client
	 * started. The subscriptions stay: a later {@link #start()} listens again.
	 * @throws IllegalStateException if the client is not running
	 */
	public void stop() {
		this.lifecycle.stop();
	}

	/**
	 * Whether the client is started and every socket it needs is open.
	 * @return {@code true} when connected (also when no topic needs a socket)
	 */
	public boolean isConnected() {
		return this.engine.isConnected();
	}

	/**
	 * Replaces open sockets without losing messages, the way the client answers a
	 * server's RECONNECT: a new socket listens to the same topics, and the old one closes
	 * once the new one confirmed them.
	 * @param connectionId the socket to replace (a {@link ConnectionStatus#id()}), or
	 * {@code null} for every socket
	 * @return how many sockets are being replaced (sockets not open, or already being
	 * replaced, are left alone)
	 */
	public int reconnect(@Nullable String connectionId) {
		return this.engine.reconnect(connectionId);
	}

	/**
	 * How many topics the client can listen to at once: sockets at most times topics per
	 * socket. A topic beyond fails with {@link ConnectionLimitException}.
	 * @return the capacity
	 */
	public int topicCapacity() {
		return this.settings.maxConnections() * this.settings.topicsPerConnection();
	}

	/**
	 * Whether the client's token provider can supply a token for the topic's user,
	 * without fetching one; always {@code true} for an undocumented topic, which is
	 * listened to without a token when there is none.
	 * @param topic a topic
	 * @return {@code false} when a LISTEN for the topic would fail for want of a token
	 */
	public boolean hasTokenFor(Topic topic) {
		return !topic.isDocumented() || this.settings.tokenProvider().hasTokenFor(topic.authorizingUserId());
	}

	/**
	 * Whether {@link #start()} was called and {@link #stop()} was not.
	 * @return {@code true} while running
	 */
	public boolean isRunning() {
		return this.engine.isRunning();
	}

	/**
	 * The client's sockets, topics and counters now, for health checks and metrics.
	 * @return a read-only snapshot
	 */
	public ClientSnapshot snapshot() {
		return this.engine.snapshot();
	}

	// --- documented topics ---

	/**
	 * Listens to the whispers a user sends and receives ({@code whispers.<user_id>},
	 * scope {@code whispers:read}).
	 * @param userId the user, whose token is used
	 * @param handler receives each whisper event
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenWhispers(String userId, PubSubHandler<WhisperEvent> handler) {
		return await(listenWhispersAsync(userId, handler));
	}

	/**
	 * Asynchronous {@link #listenWhispers(String, PubSubHandler)}.
	 * @param userId the user
	 * @param handler receives each whisper event
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenWhispersAsync(String userId, PubSubHandler<WhisperEvent> handler) {
		return listenAsync(TopicType.WHISPERS.topic(userId), WhisperEvent.class, handler);
	}

	/**
	 * Listens to cheers in a channel, first version
	 * ({@code channel-bits-events-v1.<channel_id>}, {@code bits:read}).
	 * @param channelId the channel, whose token is used
	 * @param handler receives each cheer
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenBitsV1(String channelId, PubSubHandler<BitsEvent> handler) {
		return await(listenBitsV1Async(channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenBitsV1(String, PubSubHandler)}.
	 * @param channelId the channel
	 * @param handler receives each cheer
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenBitsV1Async(String channelId, PubSubHandler<BitsEvent> handler) {
		return listenAsync(TopicType.BITS_V1.topic(channelId), BitsEvent.class, handler);
	}

	/**
	 * Listens to cheers in a channel ({@code channel-bits-events-v2.<channel_id>},
	 * {@code bits:read}).
	 * @param channelId the channel, whose token is used
	 * @param handler receives each cheer
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenBits(String channelId, PubSubHandler<BitsEvent> handler) {
		return await(listenBitsAsync(channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenBits(String, PubSubHandler)}.
	 * @param channelId the channel
	 * @param handler receives each cheer
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenBitsAsync(String channelId, PubSubHandler<BitsEvent> handler) {
		return listenAsync(TopicType.BITS_V2.topic(channelId), BitsEvent.class, handler);
	}

	/**
	 * Listens to bits badge tiers unlocked in a channel
	 * ({@code channel-bits-badge-unlocks.<channel_id>}).
	 * @param channelId the channel, whose token is used
	 * @param handler receives each unlock
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenBitsBadgeNotification(String channelId, PubSubHandler<BitsBadgeUnlock> handler) {
		return await(listenBitsBadgeNotificationAsync(channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenBitsBadgeNotification(String, PubSubHandler)}.
	 * @param channelId the channel
	 * @param handler receives each unlock
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenBitsBadgeNotificationAsync(String channelId,
			PubSubHandler<BitsBadgeUnlock> handler) {
		return listenAsync(TopicType.BITS_BADGE_UNLOCKS.topic(channelId), BitsBadgeUnlock.class, handler);
	}

	/**
	 * Listens to channel points redemptions and reward changes
	 * ({@code channel-points-channel-v1.<channel_id>}, {@code channel:read:redemptions}).
	 * @param channelId the channel, whose token is used
	 * @param handler receives each event
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenChannelPoints(String channelId, PubSubHandler<ChannelPointsEvent> handler) {
		return await(listenChannelPointsAsync(channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenChannelPoints(String, PubSubHandler)}.
	 * @param channelId the channel
	 * @param handler receives each event
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenChannelPointsAsync(String channelId,
			PubSubHandler<ChannelPointsEvent> handler) {
		return listenAsync(TopicType.CHANNEL_POINTS.topic(channelId), ChannelPointsEvent.class, handler);
	}

	/**
	 * Listens to subscriptions and gifts in a channel
	 * ({@code channel-subscribe-events-v1.<channel_id>},
	 * {@code channel:read:subscriptions}).
	 * @param channelId the channel, whose token is used
	 * @param handler receives each event
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenChannelSubscriptions(String channelId, PubSubHandler<SubscriptionEvent> handler) {
		return await(listenChannelSubscriptionsAsync(channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenChannelSubscriptions(String, PubSubHandler)}.
	 * @param channelId the channel
	 * @param handler receives each event
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenChannelSubscriptionsAsync(String channelId,
			PubSubHandler<SubscriptionEvent> handler) {
		return listenAsync(TopicType.CHANNEL_SUBSCRIPTIONS.topic(channelId), SubscriptionEvent.class, handler);
	}

	/**
	 * Listens to moderator actions in a channel
	 * ({@code chat_moderator_actions.<user_id>.<channel_id>}, {@code channel:moderate}).
	 * @param userId the moderator (or broadcaster), whose token is used
	 * @param channelId the channel
	 * @param handler receives each action
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenChatModeratorActions(String userId, String channelId,
			PubSubHandler<ChatModeratorActionEvent> handler) {
		return await(listenChatModeratorActionsAsync(userId, channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenChatModeratorActions(String, String, PubSubHandler)}.
	 * @param userId the moderator
	 * @param channelId the channel
	 * @param handler receives each action
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenChatModeratorActionsAsync(String userId, String channelId,
			PubSubHandler<ChatModeratorActionEvent> handler) {
		return listenAsync(TopicType.CHAT_MODERATOR_ACTIONS.topic(userId, channelId), ChatModeratorActionEvent.class,
				handler);
	}

	/**
	 * Listens to messages AutoMod holds in a channel
	 * ({@code automod-queue.<moderator_id>.<channel_id>}, {@code channel:moderate}).
	 * @param moderatorId the moderator, whose token is used
	 * @param channelId the channel
	 * @param handler receives each held message and its updates
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenAutomodQueue(String moderatorId, String channelId, PubSubHandler<AutomodQueueEvent> handler) {
		return await(listenAutomodQueueAsync(moderatorId, channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenAutomodQueue(String, String, PubSubHandler)}.
	 * @param moderatorId the moderator
	 * @param channelId the channel
	 * @param handler receives each held message
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenAutomodQueueAsync(String moderatorId, String channelId,
			PubSubHandler<AutomodQueueEvent> handler) {
		return listenAsync(TopicType.AUTOMOD_QUEUE.topic(moderatorId, channelId), AutomodQueueEvent.class, handler);
	}

	/**
	 * Listens to what happens to the user's own held messages in a channel
	 * ({@code user-moderation-notifications.<user_id>.<channel_id>}, {@code chat:read}).
	 * @param userId the user, whose token is used
	 * @param channelId the channel
	 * @param handler receives each notification
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenUserModerationNotifications(String userId, String channelId,
			PubSubHandler<UserModerationEvent> handler) {
		return await(listenUserModerationNotificationsAsync(userId, channelId, handler));
	}

	/**
	 * Asynchronous
	 * {@link #listenUserModerationNotifications(String, String, PubSubHandler)}.
	 * @param userId the user
	 * @param channelId the channel
	 * @param handler receives each notification
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenUserModerationNotificationsAsync(String userId, String channelId,
			PubSubHandler<UserModerationEvent> handler) {
		return listenAsync(TopicType.USER_MODERATION_NOTIFICATIONS.topic(userId, channelId), UserModerationEvent.class,
				handler);
	}

	/**
	 * Listens to suspicious users in a channel
	 * ({@code low-trust-users.<moderator_id>.<channel_id>}, {@code channel:moderate}).
	 * @param moderatorId the moderator, whose token is used
	 * @param channelId the channel
	 * @param handler receives each treatment change and message
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenLowTrustUsers(String moderatorId, String channelId, PubSubHandler<LowTrustUserEvent> handler) {
		return await(listenLowTrustUsersAsync(moderatorId, channelId, handler));
	}

	/**
	 * Asynchronous {@link #listenLowTrustUsers(String, String, PubSubHandler)}.
	 * @param moderatorId the moderator
	 * @param channelId the channel
	 * @param handler receives each event
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenLowTrustUsersAsync(String moderatorId, String channelId,
			PubSubHandler<LowTrustUserEvent> handler) {
		return listenAsync(TopicType.LOW_TRUST_USERS.topic(moderatorId, channelId), LowTrustUserEvent.class, handler);
	}

	/**
	 * Listens to a topic Twitch never documented, such as
	 * {@code video-playback-by-id.44322889}, delivering raw messages. The token provider
	 * is asked for the token of user {@code null}.
	 * @param topic the topic string, sent as it is
	 * @param handler receives each raw message
	 * @return the subscription's id, once the server confirmed
	 * @throws PubSubException if the LISTEN fails
	 */
	public UUID listenUndocumentedTopic(String topic, PubSubHandler<PubSubMessage> handler) {
		return await(listenUndocumentedTopicAsync(topic, handler));
	}

	/**
	 * Asynchronous {@link #listenUndocumentedTopic(String, PubSubHandler)}.
	 * @param topic the topic string
	 * @param handler receives each raw message
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenUndocumentedTopicAsync(String topic, PubSubHandler<PubSubMessage> handler) {
		return listenRawAsync(Topic.undocumented(topic), handler);
	}

	// --- general forms ---

	/**
	 * Listens to a documented topic and delivers the payloads that are instances of
	 * {@code payloadType}: the topic's family, or one variant of it (other variants are
	 * skipped for this subscription).
	 * @param <T> the payload type
	 * @param topic a documented topic
	 * @param payloadType the family or a variant of it
	 * @param handler receives each matching payload
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 * @throws IllegalArgumentException if the topic is undocumented or the type belongs
	 * to another family
	 */
	public <T extends PubSubPayload> CompletableFuture<UUID> listenAsync(Topic topic, Class<T> payloadType,
			PubSubHandler<? super T> handler) {
		TopicType type = topic.type();
		if (type == null) {
			throw new IllegalArgumentException("Topic " + topic + " is undocumented; use listenRawAsync");
		}
		Class<? extends PubSubPayload> family = PayloadCodec.payloadType(type);
		if (!family.isAssignableFrom(payloadType)) {
			throw new IllegalArgumentException(payloadType.getName() + " is not a payload of " + type.prefix()
					+ ", which carries " + family.getName());
		}
		Objects.requireNonNull(handler, "handler");
		return this.engine.subscribe(topic, (subscription, message) -> {
			PubSubPayload payload = message.payload();
			if (payloadType.isInstance(payload)) {
				handler.handle(subscription, payloadType.cast(payload));
			}
		});
	}

	/**
	 * Listens to any topic and delivers raw messages, from which a handler can still get
	 * the typed payload of a documented topic.
	 * @param topic the topic
	 * @param handler receives each raw message
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenRawAsync(Topic topic, PubSubHandler<PubSubMessage> handler) {
		Objects.requireNonNull(handler, "handler");
		return this.engine.subscribe(topic, handler::handle);
	}

	/**
	 * Ends a subscription. When it was the last one of its topic, the topic is
	 * unlistened, and a socket left without topics closes.
	 * @param subscription the id a {@code listen*} method returned
	 * @return whether the subscription existed
	 */
	public boolean unlisten(UUID subscription) {
		return this.engine.unsubscribe(subscription);
	}

	private UUID await(CompletableFuture<UUID> confirmation) {
		return ListenConfirmation.await(confirmation, this.settings.listenConfirmTimeout().plusSeconds(10),
				this.engineLoop, this.notificationLoop, this::unlisten);
	}

	@Override
	public String toString() {
		return "PubSubClient[" + this.settings.uri() + (isRunning() ? ", running" : "") + "]";
	}

}
