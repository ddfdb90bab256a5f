package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.twitchjvm.core.dispatch.Dispatcher;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.core.transport.JdkWebSocketTransport;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.eventsub.event.AutomaticRewardRedemptionAddEvent;
import io.github.twitchjvm.eventsub.event.AutomodMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.AutomodMessageUpdateEvent;
import io.github.twitchjvm.eventsub.event.ChannelBitsUseEvent;
import io.github.twitchjvm.eventsub.event.ChannelChatNotificationEvent;
import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.eventsub.event.ChannelModerateEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscribeEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscriptionGiftEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscriptionMessageEvent;
import io.github.twitchjvm.eventsub.event.ChatUserMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.ChatUserMessageUpdateEvent;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionAddEvent;
import io.github.twitchjvm.eventsub.event.CustomRewardRedemptionUpdateEvent;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.eventsub.event.EventSubType;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.eventsub.event.SuspiciousUserMessageEvent;
import io.github.twitchjvm.eventsub.event.SuspiciousUserUpdateEvent;
import io.github.twitchjvm.eventsub.event.WhisperReceivedEvent;
import io.github.twitchjvm.eventsub.helix.HelixClient;
import io.github.twitchjvm.eventsub.helix.TwitchSubscription;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch EventSub client over WebSocket.
 *
 * <pre>{@code
 * EventSubClient client = EventSubClient.builder()
 *     .clientId("your-client-id")
 *     .accessToken("user-access-token")          // or tokenProvider(...)
 *     .build();
 * client.start();
 * client.subscribe("channel.cheer", "1", Map.of("broadcaster_user_id", "1337"),
 *         (subscription, notification) -> System.out.println(notification.rawEvent()));
 * }</pre>
 *
 * <p>
 * The client opens sessions as subscriptions need them (at most 3 per user token, 300
 * subscriptions each, Twitch's limits), creates each subscription through Helix within
 * the welcome's window, follows {@code session_reconnect} without losing or repeating a
 * notification and without creating anything again, and after a lost session deletes what
 * Twitch may still hold and creates every subscription on a new session, paced, backing
 * off on 429. Notifications Twitch delivers twice, and notifications older than ten
 * minutes, are dropped and counted. Handlers run on the dispatch executor, one
 * notification at a time per subscription; memory for queued notifications is bounded in
 * bytes.
 */
public final class EventSubClient {

	/** Twitch's EventSub WebSocket endpoint. */
	public static final URI TWITCH_EVENTSUB_URI = URI.create("wss://eventsub.wss.twitch.tv/ws");

	private static final String BROADCASTER = "broadcaster_user_id";

	private static final String MODERATOR = "moderator_user_id";

	private static final String USER = "user_id";

	private final EventSubSettings settings;

	private final EventSubEngine engine;

	private final Dispatcher dispatcher;

	private final EngineLoop engineLoop;

	private final @Nullable WebSocketTransport ownedTransport;

	private volatile boolean started;

	EventSubClient(EventSubSettings settings, EngineLoop engineLoop, EngineLoop notificationLoop) {
		this.settings = settings;
		this.engineLoop = engineLoop;
		RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(EventSubClient.class), Duration.ofSeconds(10));
		this.dispatcher = new Dispatcher(settings.dispatchExecutor(), "eventsub-dispatch");
		QueueBudget budget = new QueueBudget(settings.maxQueuedBytes(), settings.maxQueuedBytesPerSubscription(),
				settings.overflow(), log, engineLoop::execute);
		WebSocketTransport given = settings.transport();
		this.ownedTransport = (given != null) ? null : JdkWebSocketTransport.create();
		WebSocketTransport transport = (given != null) ? given : this.ownedTransport;
		EventSubNotifier notifier = new EventSubNotifier(settings.listeners(), notificationLoop, log);
		HelixClient helix = HelixClient.create(settings.helixUri(), settings.clientId(), settings.helixTimeout(),
				notifier::helixRequestCompleted);
		this.engine = new EventSubEngine(settings, engineLoop, java.util.Objects.requireNonNull(transport), helix,
				this.dispatcher, budget, notifier, new EngineCounters(settings.listeners(), log), log);
	}

	/**
	 * Starts building a client.
	 * @return a builder with Twitch's endpoints and limits
	 */
	public static EventSubClientBuilder builder() {
		return new EventSubClientBuilder();
	}

	/**
	 * Opens the sessions the subscriptions made so far need, and creates them.
	 * @throws IllegalStateException if the client is already started
	 */
	public synchronized void start() {
		if (this.started) {
			throw new IllegalStateException("The EventSub client is already started");
		}
		this.started = true;
		this.dispatcher.start();
		this.engine.start();
	}

	/**
	 * Closes every session (Twitch disables their subscriptions), lets queued
	 * notifications finish within the drain timeout, and ends the client's threads. The
	 * subscriptions stay: a later {@link #start()} creates them again.
	 * @throws IllegalStateException if the client is not started
	 */
	public synchronized void stop() {
		if (!this.started) {
			throw new IllegalStateException("The EventSub client is not started");
		}
		this.started = false;
		try {
			this.engine.stop().get(this.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The loop is stuck or gone; the sessions are dropped with the transport.
		}
		this.dispatcher.stop(this.settings.dispatchDrainTimeout(), this.engine::queues);
		if (this.ownedTransport != null) {
			this.ownedTransport.close();
		}
	}

	/**
	 * The user whose token creates a subscription of this condition: its
	 * {@code moderator_user_id}, else its {@code user_id}, else its
	 * {@code to_broadcaster_user_id}, else its {@code broadcaster_user_id} (the
	 * user-authorized types name their reader that way). Each user has sessions and
	 * limits of their own.
	 * @param condition a subscription's condition
	 * @return the user's id
	 * @throws IllegalArgumentException if the condition names no user
	 */
	public static String tokenUser(Map<String, String> condition) {
		return EventSubEngine.tokenUser(condition);
	}

	/**
	 * Whether the client is started.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.started;
	}

	/**
	 * Whether the client is started and every subscription is enabled.
	 * @return {@code true} when nothing waits for a session or for Twitch
	 */
	public boolean isConnected() {
		return this.started && this.engine.isConnected();
	}

	/**
	 * Subscribes and waits until Twitch accepted the subscription.
	 * @param type the subscription type, such as {@code channel.cheer}
	 * @param version its version, such as {@code 1}
	 * @param condition its condition, such as {@code {broadcaster_user_id=1337}}; the
	 * token used is the one of its moderator, user or broadcaster, in that order
	 * @param handler receives its notifications
	 * @return the subscription, enabled
	 * @throws SubscriptionLimitException if the user has 3 sessions of 300 subscriptions
	 * @throws io.github.twitchjvm.eventsub.helix.HelixException if Twitch refused it
	 * (400, 403, 409, ...)
	 * @throws IllegalStateException if it was not accepted within the subscribe timeout,
	 * or the client is not started
	 */
	public EventSubSubscription subscribe(String type, String version, Map<String, String> condition,
			EventSubHandler handler) {
		if (!this.started) {
			throw new IllegalStateException("Start the EventSub client before subscribing and waiting");
		}
		CompletableFuture<EventSubSubscription> accepted = subscribeAsync(type, version, condition, handler);
		try {
			return accepted.get(this.settings.subscribeTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while subscribing to " + type, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Subscribing to " + type + " failed", cause);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Twitch did not accept the subscription to " + type + " within "
					+ this.settings.subscribeTimeout() + "; it stays pending", ex);
		}
	}

	/**
	 * Subscribes without waiting.
	 * @param type the subscription type
	 * @param version its version
	 * @param condition its condition
	 * @param handler receives its notifications
	 * @return completes with the subscription once Twitch accepted it, or exceptionally
	 * when it was refused; the subscription stays until
	 * {@link #unsubscribe(EventSubSubscription)}, and is created again after a lost
	 * session
	 * @throws IllegalArgumentException if the condition names no user
	 */
	public CompletableFuture<EventSubSubscription> subscribeAsync(String type, String version,
			Map<String, String> condition, EventSubHandler handler) {
		return this.engine.subscribe(type, version, condition, handler);
	}

	// --- typed ---

	/**
	 * Subscribes to a typed event and waits until Twitch accepted the subscription: the
	 * type and version are the ones the event record models.
	 * @param <E> the event type
	 * @param eventType the event record, such as {@code ChannelCheerEvent.class}
	 * @param condition the condition, with exactly the keys the type takes
	 * @param handler receives the typed events
	 * @return the subscription, enabled
	 * @throws IllegalArgumentException if the record is no typed event or the condition
	 * does not fit the type
	 * @see #subscribe(String, String, Map, EventSubHandler)
	 */
	public <E extends EventSubEvent> EventSubSubscription subscribe(Class<E> eventType, Map<String, String> condition,
			EventHandler<E> handler) {
		EventSubType type = typeOf(eventType, condition);
		return subscribe(type.name(), type.version(), condition, TypedHandler.of(eventType, handler));
	}

	/**
	 * Subscribes to a typed event without waiting.
	 * @param <E> the event type
	 * @param eventType the event record
	 * @param condition the condition
	 * @param handler receives the typed events
	 * @return completes with the subscription once Twitch accepted it
	 * @throws IllegalArgumentException if the record is no typed event or the condition
	 * does not fit the type
	 */
	public <E extends EventSubEvent> CompletableFuture<EventSubSubscription> subscribeAsync(Class<E> eventType,
			Map<String, String> condition, EventHandler<E> handler) {
		EventSubType type = typeOf(eventType, condition);
		return subscribeAsync(type.name(), type.version(), condition, TypedHandler.of(eventType, handler));
	}

	private static EventSubType typeOf(Class<? extends EventSubEvent> eventType, Map<String, String> condition) {
		EventSubType type = EventSubTypes.of(eventType)
			.orElseThrow(() -> new IllegalArgumentException(eventType.getSimpleName() + " is no typed EventSub event"));
		Set<String> allowed = new HashSet<>(type.conditionKeys());
		allowed.addAll(type.optionalConditionKeys());
		if (!condition.keySet().containsAll(type.conditionKeys()) || !allowed.containsAll(condition.keySet())) {
			throw new IllegalArgumentException(
					type.key() + " takes the condition " + type.conditionKeys()
							+ (type.optionalConditionKeys().isEmpty() ? ""
									: " (optionally " + type.optionalConditionKeys() + ")")
							+ ", not " + condition.keySet());
		}
		return type;
	}

	/**
	 * {@code user.whisper.message}: whispers the user receives (replaces PubSub's
	 * {@code whispers}; needs {@code user:read:whispers} or
	 * {@code user:manage:whispers}).
	 * @param userId the receiving user, whose token subscribes
	 * @param handler receives the whispers
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onWhisper(String userId, EventHandler<WhisperReceivedEvent> handler) {
		return subscribe(WhisperReceivedEvent.class, Map.of(USER, userId), handler);
	}

	/**
	 * {@code channel.cheer}: cheers in a channel (needs {@code bits:read}).
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the cheers
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onCheer(String broadcasterId, EventHandler<ChannelCheerEvent> handler) {
		return subscribe(ChannelCheerEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.bits.use}: cheers and Power-ups in a channel (needs
	 * {@code bits:read}).
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the bits used
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onBitsUse(String broadcasterId, EventHandler<ChannelBitsUseEvent> handler) {
		return subscribe(ChannelBitsUseEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.chat.notification}: chat notices (subscriptions, raids, bits badge
	 * tiers, ...) as a user reading the chat sees them (needs {@code user:read:chat}).
	 * @param broadcasterId the channel
	 * @param userId the reading user, whose token subscribes
	 * @param handler receives the notices
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onChatNotification(String broadcasterId, String userId,
			EventHandler<ChannelChatNotificationEvent> handler) {
		return subscribe(ChannelChatNotificationEvent.class, Map.of(BROADCASTER, broadcasterId, USER, userId), handler);
	}

	/**
	 * {@code channel.channel_points_custom_reward_redemption.add}: custom rewards
	 * redeemed (needs {@code channel:read:redemptions} or
	 * {@code channel:manage:redemptions}).
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the redemptions
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onRewardRedemption(String broadcasterId,
			EventHandler<CustomRewardRedemptionAddEvent> handler) {
		return subscribe(CustomRewardRedemptionAddEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.channel_points_custom_reward_redemption.update}: redemptions
	 * fulfilled or cancelled.
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the updates
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onRewardRedemptionUpdate(String broadcasterId,
			EventHandler<CustomRewardRedemptionUpdateEvent> handler) {
		return subscribe(CustomRewardRedemptionUpdateEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.channel_points_automatic_reward_redemption.add} (version 2):
	 * Twitch's built-in rewards redeemed.
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the redemptions
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onAutomaticRewardRedemption(String broadcasterId,
			EventHandler<AutomaticRewardRedemptionAddEvent> handler) {
		return subscribe(AutomaticRewardRedemptionAddEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.subscribe}: new subscriptions, gifted ones included (needs
	 * {@code channel:read:subscriptions}).
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the subscriptions
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onSubscribe(String broadcasterId, EventHandler<ChannelSubscribeEvent> handler) {
		return subscribe(ChannelSubscribeEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.subscription.message}: resubscriptions shared in chat.
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the messages
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onSubscriptionMessage(String broadcasterId,
			EventHandler<ChannelSubscriptionMessageEvent> handler) {
		return subscribe(ChannelSubscriptionMessageEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.subscription.gift}: gifted subscriptions, by their gifter.
	 * @param broadcasterId the channel, whose token subscribes
	 * @param handler receives the gifts
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onSubscriptionGift(String broadcasterId,
			EventHandler<ChannelSubscriptionGiftEvent> handler) {
		return subscribe(ChannelSubscriptionGiftEvent.class, Map.of(BROADCASTER, broadcasterId), handler);
	}

	/**
	 * {@code channel.moderate} (version 2, with warnings): every moderator action in a
	 * channel (replaces PubSub's {@code chat_moderator_actions}; needs the eight
	 * moderator scopes Twitch lists).
	 * @param broadcasterId the channel
	 * @param moderatorId the moderator, whose token subscribes
	 * @param handler receives the actions
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onModerate(String broadcasterId, String moderatorId,
			EventHandler<ChannelModerateEvent> handler) {
		return subscribe(ChannelModerateEvent.class, Map.of(BROADCASTER, broadcasterId, MODERATOR, moderatorId),
				handler);
	}

	/**
	 * {@code automod.message.hold} (version 2): messages AutoMod holds for review (needs
	 * {@code moderator:manage:automod}).
	 * @param broadcasterId the channel
	 * @param moderatorId the moderator, whose token subscribes
	 * @param handler receives the held messages
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onAutomodMessageHold(String broadcasterId, String moderatorId,
			EventHandler<AutomodMessageHoldEvent> handler) {
		return subscribe(AutomodMessageHoldEvent.class, Map.of(BROADCASTER, broadcasterId, MODERATOR, moderatorId),
				handler);
	}

	/**
	 * {@code automod.message.update} (version 2): held messages approved or denied.
	 * @param broadcasterId the channel
	 * @param moderatorId the moderator, whose token subscribes
	 * @param handler receives the updates
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onAutomodMessageUpdate(String broadcasterId, String moderatorId,
			EventHandler<AutomodMessageUpdateEvent> handler) {
		return subscribe(AutomodMessageUpdateEvent.class, Map.of(BROADCASTER, broadcasterId, MODERATOR, moderatorId),
				handler);
	}

	/**
	 * {@code channel.chat.user_message_hold}: the user's own messages AutoMod holds
	 * (replaces PubSub's {@code user-moderation-notifications}; needs
	 * {@code user:read:chat}).
	 * @param broadcasterId the channel
	 * @param userId the author, whose token subscribes
	 * @param handler receives the held messages
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onUserMessageHold(String broadcasterId, String userId,
			EventHandler<ChatUserMessageHoldEvent> handler) {
		return subscribe(ChatUserMessageHoldEvent.class, Map.of(BROADCASTER, broadcasterId, USER, userId), handler);
	}

	/**
	 * {@code channel.chat.user_message_update}: the user's held messages approved, denied
	 * or expired.
	 * @param broadcasterId the channel
	 * @param userId the author, whose token subscribes
	 * @param handler receives the updates
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onUserMessageUpdate(String broadcasterId, String userId,
			EventHandler<ChatUserMessageUpdateEvent> handler) {
		return subscribe(ChatUserMessageUpdateEvent.class, Map.of(BROADCASTER, broadcasterId, USER, userId), handler);
	}

	/**
	 * {@code channel.suspicious_user.message}: messages of users marked suspicious
	 * (replaces PubSub's {@code low-trust-users}; needs
	 * {@code moderator:read:suspicious_users}).
	 * @param broadcasterId the channel
	 * @param moderatorId the moderator, whose token subscribes
	 * @param handler receives the messages
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onSuspiciousUserMessage(String broadcasterId, String moderatorId,
			EventHandler<SuspiciousUserMessageEvent> handler) {
		return subscribe(SuspiciousUserMessageEvent.class, Map.of(BROADCASTER, broadcasterId, MODERATOR, moderatorId),
				handler);
	}

	/**
	 * {@code channel.suspicious_user.update}: a user's suspicious status changed.
	 * @param broadcasterId the channel
	 * @param moderatorId the moderator, whose token subscribes
	 * @param handler receives the updates
	 * @return the subscription, enabled
	 */
	public EventSubSubscription onSuspiciousUserUpdate(String broadcasterId, String moderatorId,
			EventHandler<SuspiciousUserUpdateEvent> handler) {
		return subscribe(SuspiciousUserUpdateEvent.class, Map.of(BROADCASTER, broadcasterId, MODERATOR, moderatorId),
				handler);
	}

	/**
	 * Ends a subscription: deletes it at Twitch and delivers nothing more.
	 * @param subscription the subscription
	 */
	public void unsubscribe(EventSubSubscription subscription) {
		this.engine.unsubscribe(subscription);
	}

	/**
	 * What Twitch holds for a user ({@code GET eventsub/subscriptions}, every page): for
	 * status pages and for finding subscriptions another process left behind. Twitch
	 * lists disabled WebSocket subscriptions for about an hour.
	 * @param userId the user, whose token asks
	 * @return completes with Twitch's list, or exceptionally with a
	 * {@link io.github.twitchjvm.eventsub.helix.HelixException}
	 */
	public CompletableFuture<List<TwitchSubscription>> listTwitchSubscriptions(String userId) {
		return this.engine.listAtTwitch(userId);
	}

	/**
	 * What the client holds now.
	 * @return the sessions, subscriptions and counters
	 */
	public EventSubSnapshot snapshot() {
		try {
			return this.engine.snapshot().get(this.settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the EventSub client's state", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The EventSub client's engine did not answer", ex);
		}
	}

	EngineLoop engineLoop() {
		return this.engineLoop;
	}

}
