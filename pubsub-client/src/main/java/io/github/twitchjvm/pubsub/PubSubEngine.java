package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.dispatch.SubscriptionQueue;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection engine: the one owner of the client's state. The wanted topics are the
 * truth; sockets are disposable and rebuilt from them. Every topic, subscription, slot
 * and socket belongs to the engine's {@link EngineLoop}; the client's methods post their
 * work there (and wait for it where they return a result), and so do the sockets, the
 * token provider and every timer. Only MESSAGE frames bypass the loop: a socket's reading
 * thread finds the topic's {@link TopicRoute} in the {@link RouteTable} and hands the
 * message to its subscriptions' queues.
 *
 * <p>
 * The engine keeps the registry of topics and subscriptions and mediates between its
 * parts: {@link Connections} (slots and sockets), {@link Listening} (the LISTEN state
 * machine) and {@link Handovers} (make before break).
 */
final class PubSubEngine implements Connections.Owner, Listening.Outcomes {

	private static final Logger logger = LoggerFactory.getLogger(PubSubClient.class);

	/**
	 * How long a caller waits for the loop to answer before the engine counts as stuck.
	 */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private final ClientSettings settings;

	private final EngineLoop loop;

	private final ClientCounters counters;

	private final EngineNotifier notifier;

	private final RateLimitedLog log;

	private final Executor dispatch;

	private final QueueBudget budget;

	private final Map<String, TopicEntry> topics = new LinkedHashMap<>();

	private final Map<UUID, Subscription> subscriptions = new HashMap<>();

	private final RouteTable routes;

	private final Connections connections;

	private final Listening listening;

	private final Handovers handovers;

	/** Tells the listeners of a topic's new state; one instance for every topic. */
	private final Consumer<TopicEntry> topicChanged;

	private boolean running;

	private volatile boolean published;

	PubSubEngine(ClientSettings settings, EngineLoop loop, EngineNotifier notifier, ClientCounters counters,
			RateLimitedLog log, Executor dispatch, QueueBudget budget) {
		this.settings = settings;
		this.loop = loop;
		this.notifier = notifier;
		this.counters = counters;
		this.log = log;
		this.dispatch = dispatch;
		this.budget = budget;
		this.routes = new RouteTable(counters, log);
		this.connections = new Connections(settings, loop, this.routes, budget, counters, notifier, log, this);
		this.listening = new Listening(settings, loop, counters, this);
		this.handovers = new Handovers(settings, loop, counters, this.connections, this.listening);
		this.topicChanged = (entry) -> notifier.topicChanged(entry.status());
	}

	// --- the client's operations, from any thread ---

	CompletableFuture<UUID> subscribe(Topic topic, Subscription.Delivery delivery) {
		Subscription subscription = new Subscription(topic, delivery, this.budget, this.dispatch, this.counters,
				this.log);
		CompletableFuture<UUID> confirmed = new CompletableFuture<>();
		try {
			this.loop.execute(() -> add(subscription, confirmed));
		}
		catch (RejectedExecutionException ex) {
			confirmed.completeExceptionally(new PubSubException(topic, "The client's engine is overloaded", ex));
		}
		return confirmed;
	}

	boolean unsubscribe(UUID id) {
		return call(() -> remove(id));
	}

	void start(WebSocketTransport transport) {
		call(() -> {
			begin(transport);
			return null;
		});
	}

	void stop() {
		call(() -> {
			end();
			return null;
		});
	}

	int reconnect(@Nullable String connectionId) {
		return call(() -> {
			int replaced = 0;
			for (Slot slot : List.copyOf(this.connections.slots())) {
				PubSubSocket socket = slot.socket();
				if ((connectionId == null || slot.id().equals(connectionId)) && socket != null && socket.isOpen()
						&& !slot.handingOver()) {
					this.handovers.begin(slot, socket, ReconnectCause.REQUESTED);
					replaced++;
				}
			}
			return replaced;
		});
	}

	boolean isRunning() {
		return this.published;
	}

	boolean isConnected() {
		return this.published && call(() -> this.running && this.connections.slots().stream().allMatch(Slot::isOpen));
	}

	ClientSnapshot snapshot() {
		return call(() -> new ClientSnapshot(this.running, this.connections.slots().stream().map(Slot::status).toList(),
				this.topics.values().stream().map(TopicEntry::status).toList(), this.counters.lastMessageAt(),
				this.budget.queuedBytes(), this.budget.readingPaused(), this.counters.snapshot(this.budget.pauses())));
	}

	/** Every subscription's queue, for the dispatcher to drain on stop. */
	List<SubscriptionQueue<?>> queues() {
		return call(() -> this.subscriptions.values().stream().<SubscriptionQueue<?>>map(Subscription::queue).toList());
	}

	/**
	 * Runs work on the loop and waits for its result: at once when called on the loop (a
	 * handler on the reading thread calling the client waits, the loop never does).
	 */
	private <T> T call(Supplier<T> work) {
		if (this.loop.inLoop()) {
			return work.get();
		}
		CompletableFuture<T> result = new CompletableFuture<>();
		try {
			this.loop.execute(() -> {
				try {
					result.complete(work.get());
				}
				catch (RuntimeException | Error ex) {
					result.completeExceptionally(ex);
				}
			});
			return result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new IllegalStateException("The client's engine is overloaded: its inbox is full", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the client's engine", ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The client's engine did not answer within " + CALL_TIMEOUT, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	// --- on the loop ---

	private void add(Subscription subscription, CompletableFuture<UUID> confirmed) {
		Topic topic = subscription.topic();
		TopicEntry entry = this.topics.get(topic.value());
		if (entry == null) {
			entry = new TopicEntry(topic,
					new TopicRoute(topic, this.counters, this.settings.maxQueuedBytesPerSubscription()),
					this.topicChanged);
			this.topics.put(topic.value(), entry);
			this.routes.add(entry.route());
		}
		entry.route().subscriptions().add(subscription);
		this.subscriptions.put(subscription.id(), subscription);
		entry.wantedAgain();
		if (!this.running || entry.state() == TopicState.ACTIVE) {
			this.notifier.afterNotifications(() -> confirmed.complete(subscription.id()));
			return;
		}
		TopicEntry.Waiter waiter = new TopicEntry.Waiter(subscription, confirmed, this.loop.nanoTime());
		entry.addWaiter(waiter);
		if (assign(entry)) {
			this.listening.listen(entry);
		}
		if (entry.hasWaiter(waiter)) {
			TopicEntry waitingOn = entry;
			waiter.expiry(
					this.loop.schedule(this.settings.listenConfirmTimeout(), () -> waiterExpired(waitingOn, waiter)));
		}
	}

	/**
	 * A {@code listen*} call that is still waiting after the listen-confirm timeout
	 * fails, unless a LISTEN for it is under way (its own RESPONSE deadline decides
	 * then): a socket that cannot connect must not hang the caller.
	 */
	private void waiterExpired(TopicEntry entry, TopicEntry.Waiter waiter) {
		Slot slot = entry.slot();
		PubSubSocket socket = (slot != null) ? slot.socket() : null;
		boolean listening = entry.listenInFlight() && socket != null && socket.isOpen();
		if (!entry.hasWaiter(waiter)) {
			return;
		}
		if (listening) {
			// The LISTEN's own deadline decides; should its socket die first, this one
			// looks again later.
			waiter.expiry(this.loop.schedule(this.settings.listenConfirmTimeout(), () -> waiterExpired(entry, waiter)));
			return;
		}
		entry.removeWaiter(waiter);
		this.counters.listenTimedOut(entry.topic(), this.loop.nanoTime() - waiter.since());
		fail(waiter, new ListenTimeoutException(entry.topic(), this.settings.listenConfirmTimeout()));
		remove(waiter.subscription().id());
	}

	private boolean remove(UUID id) {
		Subscription subscription = this.subscriptions.remove(id);
		if (subscription == null) {
			return false;
		}
		subscription.cancel();
		TopicEntry entry = this.topics.get(subscription.topic().value());
		if (entry == null) {
			return true;
		}
		entry.route().subscriptions().remove(subscription);
		for (TopicEntry.Waiter waiter : entry.takeWaiters()) {
			if (waiter.subscription() == subscription) {
				fail(waiter, new PubSubException(entry.topic(), "Unlistened before confirmed", null));
			}
			else {
				entry.addWaiter(waiter);
			}
		}
		if (entry.route().subscriptions().isEmpty()) {
			Slot slot = entry.slot();
			if (slot != null) {
				PubSubSocket socket = slot.socket();
				boolean wasInFlight = entry.listenInFlight();
				Slot remaining = release(entry);
				// A LISTEN under way may already have reached the server: unlisten it
				// too, or it holds a topic slot
				// there.
				if (remaining != null && socket != null && (entry.state() == TopicState.ACTIVE || wasInFlight)) {
					this.listening.unlisten(socket, entry, Listening.IGNORED);
				}
			}
			entry.route().detach();
			forget(entry);
		}
		return true;
	}

	private void begin(WebSocketTransport transport) {
		if (this.running) {
			throw new IllegalStateException("The client is already started");
		}
		this.running = true;
		this.published = true;
		this.connections.start(transport);
		this.listening.start();
		for (TopicEntry entry : new ArrayList<>(this.topics.values())) {
			if (entry.state() == TopicState.PENDING && assign(entry)) {
				this.listening.listen(entry);
			}
		}
	}

	/**
	 * Closes every socket and forgets everything that belongs to them; the wanted topics
	 * stay.
	 */
	private void end() {
		if (!this.running) {
			throw new IllegalStateException("The client is not running");
		}
		this.running = false;
		this.published = false;
		this.listening.stop();
		this.connections.stop();
		PubSubException stopped = new PubSubException(null, "The client stopped", null);
		for (TopicEntry entry : new ArrayList<>(this.topics.values())) {
			entry.route().detach();
			failWaiters(entry, stopped);
			entry.stopped();
			if (entry.route().subscriptions().isEmpty()) {
				forget(entry);
			}
		}
	}

	/**
	 * Gives the topic a slot; when every slot is full and no more sockets are allowed,
	 * the topic fails.
	 * @return whether it has a slot
	 */
	private boolean assign(TopicEntry entry) {
		if (this.connections.assign(entry)) {
			return true;
		}
		this.listening.fail(entry, new ConnectionLimitException(entry.topic(), this.settings.maxConnections(),
				this.settings.topicsPerConnection()));
		return false;
	}

	/**
	 * Takes a topic off its slot; the topic that left may have been the last one a
	 * handover waited for.
	 */
	private @Nullable Slot release(TopicEntry entry) {
		Slot remaining = this.connections.release(entry);
		if (remaining != null) {
			this.handovers.progress(remaining);
		}
		return remaining;
	}

	/**
	 * Takes a topic that failed or was revoked off its slot: waiting calls fail and their
	 * subscriptions go; the entry stays, for the snapshot, only while confirmed
	 * subscriptions remain.
	 */
	private void retire(TopicEntry entry, PubSubException failure) {
		failWaiters(entry, failure);
		entry.route().detach();
		release(entry);
		if (entry.route().subscriptions().isEmpty()) {
			forget(entry);
		}
	}

	/**
	 * The {@code listen*} calls still waiting for the topic fail, and their subscriptions
	 * are removed.
	 */
	private void failWaiters(TopicEntry entry, PubSubException failure) {
		for (TopicEntry.Waiter waiter : entry.takeWaiters()) {
			this.subscriptions.remove(waiter.subscription().id());
			entry.route().subscriptions().remove(waiter.subscription());
			waiter.subscription().cancel();
			fail(waiter, failure);
		}
	}

	/** A waiting call fails, once the listeners were told what led to it. */
	private void fail(TopicEntry.Waiter waiter, PubSubException failure) {
		waiter.answered();
		this.notifier.afterNotifications(() -> waiter.future().completeExceptionally(failure));
	}

	private void forget(TopicEntry entry) {
		if (this.topics.remove(entry.topic().value(), entry)) {
			this.routes.remove(entry.route());
			this.notifier.topicRemoved(entry.topic());
		}
	}

	// --- Listening.Outcomes ---

	@Override
	public void confirmed(TopicEntry entry, PubSubSocket socket) {
		for (TopicEntry.Waiter waiter : entry.takeWaiters()) {
			waiter.answered();
			this.notifier.afterNotifications(() -> waiter.future().complete(waiter.subscription().id()));
		}
		Slot slot = entry.slot();
		if (slot != null) {
			if (slot.socket() == socket) {
				slot.worked();
			}
			this.handovers.progress(slot);
		}
	}

	@Override
	public void failed(TopicEntry entry, PubSubException failure) {
		retire(entry, failure);
	}

	// --- Connections.Owner ---

	@Override
	public void socketOpened(Slot slot, PubSubSocket socket) {
		for (TopicEntry entry : new ArrayList<>(slot.topics())) {
			if (entry.isWanted()) {
				// Whatever was under way on an earlier socket is void: listen again on
				// this one.
				entry.abandonAttempts();
				this.listening.listen(entry);
			}
		}
	}

	@Override
	public void socketGone(Slot slot, PubSubSocket socket) {
		for (TopicEntry entry : slot.topics()) {
			if (entry.route().ended(socket)) {
				entry.route().emptyOutboxLater(this.loop);
			}
		}
	}

	@Override
	public void retiredSocketEnded(Slot slot, PubSubSocket socket, String detail) {
		this.handovers.oldSocketEnded(slot, socket, detail);
	}

	@Override
	public void reconnectRequested(Slot slot, PubSubSocket socket) {
		this.handovers.begin(slot, socket, ReconnectCause.SERVER_RECONNECT);
	}

	@Override
	public void authorizationRevoked(Slot slot, List<String> revokedTopics) {
		for (String value : revokedTopics) {
			TopicEntry entry = this.topics.get(value);
			if (entry == null || entry.slot() != slot) {
				continue;
			}
			logger.warn("Authorization for {} was revoked; it will not be listened to again", entry.topic());
			entry.revoked("authorization revoked by Twitch (AUTH_REVOKED)");
			retire(entry,
					new AuthorizationFailedException(entry.topic(), "authorization revoked by Twitch (AUTH_REVOKED)"));
			this.notifier.authorizationRevoked(entry.topic());
		}
	}

}
