package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twitchjvm.pubsub.auth.StaticTokenProvider;
import io.github.twitchjvm.pubsub.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.springframework.web.socket.client.WebSocketClient;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch PubSub client: the whole API of the reference client {@code twitchAPI.pubsub.PubSub}, on a connection
 * engine that recovers from every failure the protocol knows and never goes silent after a reconnect.
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
 * <p>Each {@code listen*} method returns the subscription's id once the server confirmed the LISTEN (at once
 * before {@link #start()}; the topic is then listened when the client connects) and has an {@code ...Async} twin
 * returning a future. Several subscriptions to one topic share one LISTEN. Handlers run on the dispatch executor,
 * in order per subscription, never on a socket's thread. Instances are thread-safe.
 */
public final class PubSubClient {

	/** Twitch's PubSub address (switched off on 2025-04-14; point the client at a fake server). */
	public static final URI TWITCH_PUBSUB_URI = URI.create("wss://pubsub-edge.twitch.tv");

	private final ClientSettings settings;

	private final ClientCounters counters;

	private final ConnectionPool pool;

	private @Nullable Resources resources;

	private PubSubClient(ClientSettings settings) {
		this.settings = settings;
		this.counters = new ClientCounters(settings.listeners());
		this.pool = new ConnectionPool(settings, this.counters);
	}

	/**
	 * Starts building a client.
	 * @return a builder with Twitch's defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	// --- lifecycle ---

	/**
	 * Connects and listens to every topic listened to so far. Sockets open as topics need them: a client without
	 * topics holds none (Twitch closes a socket that listens to nothing within 15 s).
	 * @throws IllegalStateException if the client is already started
	 */
	public synchronized void start() {
		if (this.resources != null) {
			throw new IllegalStateException("The client is already started");
		}
		Resources started = Resources.create(this.settings);
		try {
			this.pool.start(started.timer, started.dispatch, started.transport.client());
		}
		catch (RuntimeException ex) {
			started.release(Duration.ZERO);
			throw ex;
		}
		this.resources = started;
	}

	/**
	 * Closes every socket, stops the timers, lets queued deliveries finish within the dispatch drain timeout (then
	 * drops what is left) and ends every thread the client started. The subscriptions stay: a later {@link #start()}
	 * listens again.
	 * @throws IllegalStateException if the client is not running
	 */
	public synchronized void stop() {
		Resources started = this.resources;
		if (started == null) {
			throw new IllegalStateException("The client is not running");
		}
		this.resources = null;
		this.pool.stop();
		if (started.ownedDispatch == null) {
			this.pool.awaitDeliveries(this.settings.dispatchDrainTimeout());
		}
		started.release(this.settings.dispatchDrainTimeout());
		this.pool.resetDeliveries();
	}

	/**
	 * Whether the client is started and every socket it needs is open.
	 * @return {@code true} when connected (also when no topic needs a socket)
	 */
	public boolean isConnected() {
		return this.pool.isConnected();
	}

	/**
	 * Replaces open sockets without losing messages, the way the client answers a server's RECONNECT: a new socket
	 * listens to the same topics, and the old one closes once the new one confirmed them.
	 * @param connectionId the socket to replace (a {@link ConnectionStatus#id()}), or {@code null} for every socket
	 * @return how many sockets are being replaced (sockets not open, or already being replaced, are left alone)
	 */
	public int reconnect(@Nullable String connectionId) {
		return this.pool.reconnect(connectionId);
	}

	/**
	 * How many topics the client can listen to at once: sockets at most times topics per socket. A topic beyond
	 * fails with {@link ConnectionLimitException}.
	 * @return the capacity
	 */
	public int topicCapacity() {
		return this.settings.maxConnections() * this.settings.topicsPerConnection();
	}

	/**
	 * Whether the client's token provider can supply a token for the topic's user, without fetching one; always
	 * {@code true} for an undocumented topic, which is listened to without a token when there is none.
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
		return this.pool.isRunning();
	}

	/**
	 * The client's sockets, topics and counters now, for health checks and metrics.
	 * @return a read-only snapshot
	 */
	public ClientSnapshot snapshot() {
		return this.pool.snapshot();
	}

	// --- documented topics ---

	/**
	 * Listens to the whispers a user sends and receives ({@code whispers.<user_id>}, scope {@code whispers:read}).
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
	 * Listens to cheers in a channel, first version ({@code channel-bits-events-v1.<channel_id>}, {@code bits:read}).
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
	 * Listens to cheers in a channel ({@code channel-bits-events-v2.<channel_id>}, {@code bits:read}).
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
	 * Listens to bits badge tiers unlocked in a channel ({@code channel-bits-badge-unlocks.<channel_id>}).
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
	 * Listens to channel points redemptions and reward changes ({@code channel-points-channel-v1.<channel_id>},
	 * {@code channel:read:redemptions}).
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
	 * Listens to subscriptions and gifts in a channel ({@code channel-subscribe-events-v1.<channel_id>},
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
	 * Listens to moderator actions in a channel ({@code chat_moderator_actions.<user_id>.<channel_id>},
	 * {@code channel:moderate}).
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
	 * Listens to messages AutoMod holds in a channel ({@code automod-queue.<moderator_id>.<channel_id>},
	 * {@code channel:moderate}).
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
	 * Asynchronous {@link #listenUserModerationNotifications(String, String, PubSubHandler)}.
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
	 * Listens to suspicious users in a channel ({@code low-trust-users.<moderator_id>.<channel_id>},
	 * {@code channel:moderate}).
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
	 * Listens to a topic Twitch never documented, such as {@code video-playback-by-id.44322889}, delivering raw
	 * messages. The token provider is asked for the token of user {@code null}.
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
	 * Listens to a documented topic and delivers the payloads that are instances of {@code payloadType}: the
	 * topic's family, or one variant of it (other variants are skipped for this subscription).
	 * @param <T> the payload type
	 * @param topic a documented topic
	 * @param payloadType the family or a variant of it
	 * @param handler receives each matching payload
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 * @throws IllegalArgumentException if the topic is undocumented or the type belongs to another family
	 */
	public <T extends PubSubPayload> CompletableFuture<UUID> listenAsync(Topic topic, Class<T> payloadType,
			PubSubHandler<? super T> handler) {
		TopicType type = topic.type();
		if (type == null) {
			throw new IllegalArgumentException("Topic " + topic + " is undocumented; use listenRawAsync");
		}
		Class<? extends PubSubPayload> family = io.github.twitchjvm.pubsub.message.PayloadCodec.payloadType(type);
		if (!family.isAssignableFrom(payloadType)) {
			throw new IllegalArgumentException(payloadType.getName() + " is not a payload of " + type.prefix()
					+ ", which carries " + family.getName());
		}
		Objects.requireNonNull(handler, "handler");
		return this.pool.subscribe(topic, (subscription, message) -> {
			PubSubPayload payload = message.payload();
			if (payloadType.isInstance(payload)) {
				handler.handle(subscription, payloadType.cast(payload));
			}
		});
	}

	/**
	 * Listens to any topic and delivers raw messages, from which a handler can still get the typed payload of a
	 * documented topic.
	 * @param topic the topic
	 * @param handler receives each raw message
	 * @return completes with the subscription's id, or with a {@link PubSubException}
	 */
	public CompletableFuture<UUID> listenRawAsync(Topic topic, PubSubHandler<PubSubMessage> handler) {
		Objects.requireNonNull(handler, "handler");
		return this.pool.subscribe(topic, handler::handle);
	}

	/**
	 * Ends a subscription. When it was the last one of its topic, the topic is unlistened, and a socket left
	 * without topics closes.
	 * @param subscription the id a {@code listen*} method returned
	 * @return whether the subscription existed
	 */
	public boolean unlisten(UUID subscription) {
		return this.pool.unsubscribe(subscription);
	}

	private UUID await(CompletableFuture<UUID> confirmation) {
		Duration wait = this.settings.listenConfirmTimeout().plusSeconds(10);
		try {
			return confirmation.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PubSubException(null, "Interrupted while waiting for the server", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof PubSubException failure) {
				throw failure;
			}
			throw new PubSubException(null, "Listening failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			// The caller never gets the id: a confirmation coming after all must not leave a subscription behind.
			confirmation.thenAccept(this::unlisten);
			throw new PubSubException(null, "No confirmation from the server within " + wait, ex);
		}
	}

	@Override
	public String toString() {
		return "PubSubClient[" + this.settings.uri() + (isRunning() ? ", running" : "") + "]";
	}

	/** The threads and transport of one start, released on stop. */
	private static final class Resources {

		final ScheduledExecutorService timer;

		final Executor dispatch;

		final @Nullable ExecutorService ownedDispatch;

		final WebSocketTransport transport;

		private Resources(ScheduledExecutorService timer, Executor dispatch, @Nullable ExecutorService ownedDispatch,
				WebSocketTransport transport) {
			this.timer = timer;
			this.dispatch = dispatch;
			this.ownedDispatch = ownedDispatch;
			this.transport = transport;
		}

		static Resources create(ClientSettings settings) {
			ScheduledExecutorService timer = Executors
				.newSingleThreadScheduledExecutor(new NamedThreadFactory("pubsub-timer"));
			ExecutorService ownedDispatch = null;
			Executor dispatch = settings.dispatchExecutor();
			if (dispatch == null) {
				ownedDispatch = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
						new NamedThreadFactory("pubsub-dispatch"));
				dispatch = ownedDispatch;
			}
			return new Resources(timer, dispatch, ownedDispatch,
					WebSocketTransport.of(settings.webSocketClient(), settings.maxMessageSize()));
		}

		void release(Duration drainTimeout) {
			this.timer.shutdownNow();
			if (this.ownedDispatch != null) {
				this.ownedDispatch.shutdown();
				try {
					if (!this.ownedDispatch.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
						this.ownedDispatch.shutdownNow();
						this.ownedDispatch.awaitTermination(5, TimeUnit.SECONDS);
					}
				}
				catch (InterruptedException ex) {
					this.ownedDispatch.shutdownNow();
					Thread.currentThread().interrupt();
				}
			}
			this.transport.close();
			try {
				this.timer.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/**
	 * Builds a {@link PubSubClient}. Every value starts at the reference client's or Twitch's default.
	 */
	public static final class Builder {

		private URI uri = TWITCH_PUBSUB_URI;

		private @Nullable TwitchTokenProvider tokenProvider;

		private @Nullable Executor dispatchExecutor;

		private @Nullable WebSocketClient webSocketClient;

		private Duration pingFrequency = Duration.ofSeconds(120);

		private Duration pingJitter = Duration.ofSeconds(4);

		private Duration pongTimeout = Duration.ofSeconds(10);

		private Duration listenConfirmTimeout = Duration.ofSeconds(30);

		private int topicsPerConnection = 50;

		private int maxConnections = 10;

		private Duration reconnectInitialDelay = Duration.ofSeconds(1);

		private Duration reconnectMaxDelay = Duration.ofSeconds(120);

		private Duration stablePeriod = Duration.ofSeconds(60);

		private int listensPerSecond = 50;

		private int queueCapacity = 1000;

		private int maxMessageSize = 1024 * 1024;

		private int serverErrorRetries = 3;

		private Duration handoverSettle = Duration.ofSeconds(1);

		private Duration dispatchDrainTimeout = Duration.ofSeconds(5);

		private final List<PubSubListener> listeners = new ArrayList<>();

		private Builder() {
		}

		/**
		 * @param uri the PubSub server, {@code wss://pubsub-edge.twitch.tv} by default
		 * @return this builder
		 */
		public Builder uri(URI uri) {
			this.uri = Objects.requireNonNull(uri, "uri");
			return this;
		}

		/**
		 * @param tokenProvider where tokens come from; required
		 * @return this builder
		 */
		public Builder tokenProvider(TwitchTokenProvider tokenProvider) {
			this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
			return this;
		}

		/**
		 * @param token one token for every topic; the same as {@code tokenProvider(StaticTokenProvider.of(token))}
		 * @return this builder
		 */
		public Builder accessToken(String token) {
			return tokenProvider(StaticTokenProvider.of(token));
		}

		/**
		 * Chooses where handlers run. Each subscription still gets its messages in order, one at a time, whatever
		 * the executor. {@code Runnable::run} runs handlers on the socket's reading thread: the lowest latency (no
		 * thread hand-off per message), for fast handlers that never block only, because a slow handler then stops
		 * the socket from reading and Twitch disconnects a client that stops reading.
		 * @param dispatchExecutor where handlers run; by default a pool of one daemon thread per core that the
		 * client owns and shuts down (an executor given here is never shut down by the client)
		 * @return this builder
		 */
		public Builder dispatchExecutor(Executor dispatchExecutor) {
			this.dispatchExecutor = Objects.requireNonNull(dispatchExecutor, "dispatchExecutor");
			return this;
		}

		/**
		 * @param webSocketClient the transport; by default Spring's {@code StandardWebSocketClient} over Tomcat's
		 * client, with the message size limit applied (a client given here must allow large messages itself)
		 * @return this builder
		 */
		public Builder webSocketClient(WebSocketClient webSocketClient) {
			this.webSocketClient = Objects.requireNonNull(webSocketClient, "webSocketClient");
			return this;
		}

		/**
		 * @param pingFrequency how often each socket sends PING, 120 s by default; must be above 12 s plus the
		 * jitter and below Twitch's 5 minutes
		 * @return this builder
		 */
		public Builder pingFrequency(Duration pingFrequency) {
			this.pingFrequency = pingFrequency;
			return this;
		}

		/**
		 * @param pingJitter the most a PING is moved earlier or later, 4 s by default
		 * @return this builder
		 */
		public Builder pingJitter(Duration pingJitter) {
			this.pingJitter = pingJitter;
			return this;
		}

		/**
		 * @param pongTimeout how long to wait for PONG before reconnecting, 10 s by default
		 * @return this builder
		 */
		public Builder pongTimeout(Duration pongTimeout) {
			this.pongTimeout = pongTimeout;
			return this;
		}

		/**
		 * @param listenConfirmTimeout how long to wait for a LISTEN's RESPONSE, 30 s by default
		 * @return this builder
		 */
		public Builder listenConfirmTimeout(Duration listenConfirmTimeout) {
			this.listenConfirmTimeout = listenConfirmTimeout;
			return this;
		}

		/**
		 * @param topicsPerConnection topics per socket, 50 by default (Twitch's limit)
		 * @return this builder
		 */
		public Builder topicsPerConnection(int topicsPerConnection) {
			this.topicsPerConnection = topicsPerConnection;
			return this;
		}

		/**
		 * @param maxConnections sockets at most, 10 by default (Twitch's recommendation per IP)
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * @param initialDelay the first reconnect delay, 1 s by default; it doubles per failed attempt
		 * @param maxDelay the longest reconnect delay, 120 s by default
		 * @return this builder
		 */
		public Builder reconnectBackoff(Duration initialDelay, Duration maxDelay) {
			this.reconnectInitialDelay = initialDelay;
			this.reconnectMaxDelay = maxDelay;
			return this;
		}

		/**
		 * @param stablePeriod how long a socket must stay open before the backoff starts again from the initial
		 * delay, 60 s by default
		 * @return this builder
		 */
		public Builder stablePeriod(Duration stablePeriod) {
			this.stablePeriod = stablePeriod;
			return this;
		}

		/**
		 * @param listensPerSecond the pace of LISTEN requests over all sockets, 50 per second by default, with a
		 * second's worth allowed at once
		 * @return this builder
		 */
		public Builder listensPerSecond(int listensPerSecond) {
			this.listensPerSecond = listensPerSecond;
			return this;
		}

		/**
		 * @param queueCapacity messages queued per subscription before the oldest is dropped, 1000 by default
		 * @return this builder
		 */
		public Builder queueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
			return this;
		}

		/**
		 * @param maxMessageSize the largest frame accepted, in characters, 1 MiB by default
		 * @return this builder
		 */
		public Builder maxMessageSize(int maxMessageSize) {
			this.maxMessageSize = maxMessageSize;
			return this;
		}

		/**
		 * @param serverErrorRetries how often a LISTEN answered with {@code ERR_SERVER} (or a re-listen that timed
		 * out) is retried, with growing delays, before the topic fails; 3 by default
		 * @return this builder
		 */
		public Builder serverErrorRetries(int serverErrorRetries) {
			this.serverErrorRetries = serverErrorRetries;
			return this;
		}

		/**
		 * @param handoverSettle after a RECONNECT, how long the old socket stays open once the replacement confirmed
		 * every topic, for frames still on their way; 1 s by default
		 * @return this builder
		 */
		public Builder handoverSettle(Duration handoverSettle) {
			this.handoverSettle = handoverSettle;
			return this;
		}

		/**
		 * @param dispatchDrainTimeout how long {@link PubSubClient#stop()} lets queued deliveries run (on the client's
		 * own executor, or on one it was given, which it waits for but never shuts down) before it drops what is
		 * left; 5 s by default
		 * @return this builder
		 */
		public Builder dispatchDrainTimeout(Duration dispatchDrainTimeout) {
			this.dispatchDrainTimeout = dispatchDrainTimeout;
			return this;
		}

		/**
		 * @param listener told about connection and topic state changes
		 * @return this builder
		 */
		public Builder listener(PubSubListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * @return the client, not started
		 * @throws IllegalArgumentException if a setting is impossible (for example a ping frequency not above 12 s
		 * plus the jitter)
		 * @throws IllegalStateException if no token provider was set
		 */
		public PubSubClient build() {
			if (this.tokenProvider == null) {
				throw new IllegalStateException("A token provider is required: call tokenProvider(...) or accessToken(...)");
			}
			return new PubSubClient(new ClientSettings(this.uri, this.tokenProvider, this.dispatchExecutor,
					this.webSocketClient, this.pingFrequency, this.pingJitter, this.pongTimeout,
					this.listenConfirmTimeout, this.topicsPerConnection, this.maxConnections, this.reconnectInitialDelay,
					this.reconnectMaxDelay, this.stablePeriod, this.listensPerSecond, this.queueCapacity,
					this.maxMessageSize, this.serverErrorRetries, this.handoverSettle, this.dispatchDrainTimeout,
					this.listeners));
		}

	}

}
