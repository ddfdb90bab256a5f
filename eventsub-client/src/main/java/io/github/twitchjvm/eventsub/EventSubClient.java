package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
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
import io.github.twitchjvm.eventsub.helix.HelixClient;
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
		HelixClient helix = HelixClient.create(settings.helixUri(), settings.clientId(), settings.helixTimeout());
		EventSubNotifier notifier = new EventSubNotifier(settings.listeners(), notificationLoop, log);
		this.engine = new EventSubEngine(settings, engineLoop, java.util.Objects.requireNonNull(transport), helix,
				this.dispatcher, budget, notifier, new EngineCounters(), log);
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

	/**
	 * Ends a subscription: deletes it at Twitch and delivers nothing more.
	 * @param subscription the subscription
	 */
	public void unsubscribe(EventSubSubscription subscription) {
		this.engine.unsubscribe(subscription);
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
