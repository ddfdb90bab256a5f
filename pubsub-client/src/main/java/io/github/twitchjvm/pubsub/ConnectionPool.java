package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.twitchjvm.pubsub.auth.AccessToken;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.protocol.InboundFrame;
import io.github.twitchjvm.pubsub.protocol.Nonces;
import io.github.twitchjvm.pubsub.protocol.OutboundFrames;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.client.WebSocketClient;

import org.jspecify.annotations.Nullable;

/**
 * The connection engine. The wanted topics are the truth; sockets are disposable and rebuilt from them. Topics are
 * sharded over {@link Slot slots} of at most {@code topicsPerConnection}; each topic is listened with its own
 * LISTEN and nonce, paced, retried within bounds, and re-listened after every reconnect. A RECONNECT from the server
 * starts a handover to a replacement socket without loss or duplicates.
 *
 * <p>State is guarded by this object's monitor; socket callbacks, timers and token stages take it. Only MESSAGE
 * frames bypass it: the reading thread looks up the topic's {@link TopicRoute} in a concurrent map and hands the
 * message to its subscriptions' queues.
 */
final class ConnectionPool {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionPool.class);

	private final ClientSettings settings;

	private final ClientCounters counters;

	private final RateLimitedLog log = new RateLimitedLog(logger, TimeUnit.SECONDS.toNanos(10));

	private final Map<String, TopicEntry> topics = new LinkedHashMap<>();

	private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();

	private final Map<UUID, Subscription> subscriptions = new HashMap<>();

	private final List<Slot> slots = new ArrayList<>();

	private final ListenPacer pacer;

	private final Executor dispatch = this::dispatch;

	private boolean running;

	private int slotIds;

	private @Nullable ScheduledExecutorService timer;

	private volatile @Nullable Executor dispatchExecutor;

	private @Nullable WebSocketClient transport;

	ConnectionPool(ClientSettings settings, ClientCounters counters) {
		this.settings = settings;
		this.counters = counters;
		this.pacer = new ListenPacer(this, settings.listensPerSecond());
	}

	// --- the client's operations ---

	synchronized CompletableFuture<UUID> subscribe(Topic topic, Subscription.Delivery delivery) {
		Subscription subscription = new Subscription(topic, delivery, this.settings.queueCapacity(), this.dispatch,
				this.counters, this.log);
		TopicEntry entry = this.topics.get(topic.value());
		if (entry == null) {
			entry = new TopicEntry(topic, new TopicRoute(topic, this.counters));
			this.topics.put(topic.value(), entry);
			this.routes.put(topic.value(), entry.route);
		}
		entry.route.subscriptions().add(subscription);
		this.subscriptions.put(subscription.id(), subscription);
		CompletableFuture<UUID> confirmed = new CompletableFuture<>();
		if (entry.state == TopicState.FAILED || entry.state == TopicState.REVOKED) {
			// Listening anew to a failed or revoked topic is another try.
			entry.retries = 0;
			entry.refreshTried = false;
			changeState(entry, TopicState.PENDING, null);
		}
		if (!this.running || entry.state == TopicState.ACTIVE) {
			confirmed.complete(subscription.id());
			return confirmed;
		}
		TopicEntry.Waiter waiter = new TopicEntry.Waiter(subscription, confirmed, System.nanoTime());
		entry.waiters.add(waiter);
		if (assign(entry)) {
			listen(entry);
		}
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler != null && !confirmed.isDone()) {
			TopicEntry waitingOn = entry;
			scheduler.schedule(() -> waiterExpired(waitingOn, waiter), this.settings.listenConfirmTimeout().toNanos(),
					TimeUnit.NANOSECONDS);
		}
		return confirmed;
	}

	/**
	 * A {@code listen*} call that is still waiting after the listen-confirm timeout fails, unless a LISTEN for it is
	 * under way (its own RESPONSE deadline decides then): a socket that cannot connect must not hang the caller.
	 */
	private synchronized void waiterExpired(TopicEntry entry, TopicEntry.Waiter waiter) {
		Slot slot = entry.slot;
		boolean listening = entry.listenInFlight && slot != null && slot.socket != null && slot.socket.isOpen();
		if (waiter.future().isDone() || listening || !entry.waiters.remove(waiter)) {
			return;
		}
		this.counters.listenResult(entry.topic, "timeout", waiter.since());
		waiter.future().completeExceptionally(new ListenTimeoutException(entry.topic, this.settings.listenConfirmTimeout()));
		unsubscribe(waiter.subscription().id());
	}

	synchronized boolean unsubscribe(UUID id) {
		Subscription subscription = this.subscriptions.remove(id);
		if (subscription == null) {
			return false;
		}
		subscription.cancel();
		TopicEntry entry = this.topics.get(subscription.topic().value());
		if (entry == null) {
			return true;
		}
		entry.route.subscriptions().remove(subscription);
		entry.waiters.removeIf((waiter) -> {
			if (waiter.subscription() == subscription) {
				waiter.future().completeExceptionally(new PubSubException(entry.topic, "Unlistened before confirmed", null));
				return true;
			}
			return false;
		});
		if (entry.route.subscriptions().isEmpty()) {
			Slot slot = entry.slot;
			if (slot != null) {
				PubSubSocket socket = slot.socket;
				boolean wasInFlight = entry.listenInFlight;
				release(entry);
				// A LISTEN under way may already have reached the server: unlisten it too, or it holds a topic slot there.
				if (!slot.topics.isEmpty() && socket != null && (entry.state == TopicState.ACTIVE || wasInFlight)) {
					sendUnlisten(socket, entry);
				}
			}
			entry.route.detach();
			this.topics.remove(entry.topic.value());
			this.routes.remove(entry.topic.value());
		}
		return true;
	}

	synchronized void start(ScheduledExecutorService timer, Executor dispatchExecutor, WebSocketClient transport) {
		if (this.running) {
			throw new IllegalStateException("The client is already started");
		}
		this.running = true;
		this.timer = timer;
		this.dispatchExecutor = dispatchExecutor;
		this.transport = transport;
		this.pacer.start(timer);
		for (TopicEntry entry : new ArrayList<>(this.topics.values())) {
			if (entry.state == TopicState.PENDING && assign(entry)) {
				listen(entry);
			}
		}
	}

	/** Closes every socket and forgets everything that belongs to them; the wanted topics stay. */
	synchronized void stop() {
		if (!this.running) {
			throw new IllegalStateException("The client is not running");
		}
		this.running = false;
		this.pacer.clear();
		for (Slot slot : this.slots) {
			slot.closing = true;
			slot.cancelTasks();
			closeSocket(slot.socket);
			closeSocket(slot.retiring);
			slot.state(ConnectionState.CLOSED);
			notifyConnection(slot);
		}
		this.slots.clear();
		PubSubException stopped = new PubSubException(null, "The client stopped", null);
		for (TopicEntry entry : this.topics.values()) {
			entry.slot = null;
			entry.listenInFlight = false;
			entry.generation++;
			entry.route.detach();
			failWaiters(entry, stopped);
			if (entry.state == TopicState.ACTIVE) {
				changeState(entry, TopicState.PENDING, null);
			}
		}
		this.topics.values().removeIf((entry) -> {
			boolean unused = entry.route.subscriptions().isEmpty();
			if (unused) {
				this.routes.remove(entry.topic.value());
			}
			return unused;
		});
		this.timer = null;
		this.transport = null;
		this.dispatchExecutor = null;
	}

	/**
	 * After the dispatch executor ended: what it dropped unrun must not leave a subscription waiting for a drain
	 * that will never come.
	 */
	synchronized void resetDeliveries() {
		this.subscriptions.values().forEach(Subscription::reset);
	}

	/**
	 * Waits, up to the timeout, until every queued message was handled and no handler runs: for a dispatch executor
	 * the client does not own and so cannot shut down and await. Polls, since handlers finish on the application's
	 * threads; it runs once per stop.
	 */
	void awaitDeliveries(Duration timeout) {
		List<Subscription> current;
		synchronized (this) {
			current = List.copyOf(this.subscriptions.values());
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!current.stream().allMatch(Subscription::idle) && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
		}
	}

	synchronized boolean isRunning() {
		return this.running;
	}

	synchronized boolean isConnected() {
		return this.running && this.slots.stream().allMatch(Slot::isOpen);
	}

	synchronized ClientSnapshot snapshot() {
		return new ClientSnapshot(this.running, this.slots.stream().map(Slot::status).toList(),
				this.topics.values().stream().map(TopicEntry::status).toList(), this.counters.lastMessageAt(),
				this.counters.snapshot());
	}

	private void dispatch(Runnable task) {
		Executor executor = this.dispatchExecutor;
		if (executor == null) {
			throw new java.util.concurrent.RejectedExecutionException("The client is not running");
		}
		executor.execute(task);
	}

	// --- sharding ---

	/**
	 * Gives the topic a slot: one with room, or a new one.
	 * @return {@code false} when the connection limit is reached (the topic then failed)
	 */
	private boolean assign(TopicEntry entry) {
		if (entry.slot != null) {
			return true;
		}
		for (Slot slot : this.slots) {
			if (!slot.closing && slot.topics.size() < this.settings.topicsPerConnection()) {
				slot.topics.add(entry);
				entry.slot = slot;
				return true;
			}
		}
		if (this.slots.size() >= this.settings.maxConnections()) {
			listenFailed(entry, new ConnectionLimitException(entry.topic, this.settings.maxConnections(),
					this.settings.topicsPerConnection()));
			return false;
		}
		Slot slot = new Slot("pubsub-" + (++this.slotIds), this.settings.reconnectInitialDelay(),
				this.settings.reconnectMaxDelay());
		this.slots.add(slot);
		slot.topics.add(entry);
		entry.slot = slot;
		connect(slot);
		return true;
	}

	/** Takes a topic off its slot; an emptied slot closes. */
	private void release(TopicEntry entry) {
		Slot slot = entry.slot;
		entry.slot = null;
		entry.listenInFlight = false;
		entry.generation++;
		if (slot == null) {
			return;
		}
		slot.topics.remove(entry);
		if (!slot.topics.isEmpty()) {
			// The topic that left may have been the last one a handover waited for.
			handoverProgress(slot);
		}
		else {
			slot.cancelTasks();
			closeSocket(slot.socket);
			closeSocket(slot.retiring);
			this.slots.remove(slot);
			slot.state(ConnectionState.CLOSED);
			notifyConnection(slot);
		}
	}

	// --- sockets ---

	private void connect(Slot slot) {
		WebSocketClient client = this.transport;
		if (!this.running || client == null) {
			return;
		}
		PubSubSocket socket = new PubSubSocket(slot.id + "#" + (++slot.sockets), this, slot,
				this.settings.maxMessageSize());
		slot.socket = socket;
		if (slot.retiring == null) {
			slot.state(ConnectionState.CONNECTING);
			notifyConnection(slot);
		}
		socket.open(client, this.settings.uri()).whenComplete((session, error) -> {
			if (error != null) {
				socket.closeCause("connect_failed");
				socketEnded(socket, "connect failed: " + rootMessage(error));
				return;
			}
			synchronized (this) {
				if (!this.running) {
					// Opened after stop(): nobody will use it.
					socket.close();
					return;
				}
			}
			onEngineThread(() -> socketOpened(socket));
		});
	}

	private void socketOpened(PubSubSocket socket) {
		Slot slot = socket.slot();
		if (!this.running || slot.socket != socket || slot.closing) {
			socket.close();
			return;
		}
		slot.state(ConnectionState.OPEN);
		slot.openedAt = Instant.now();
		notifyConnection(slot);
		schedulePing(socket);
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler != null) {
			slot.stableTask = scheduler.schedule(() -> {
				synchronized (this) {
					if (slot.socket == socket && socket.isOpen()) {
						slot.backoff.reset();
					}
				}
			}, this.settings.stablePeriod().toNanos(), TimeUnit.NANOSECONDS);
		}
		for (TopicEntry entry : new ArrayList<>(slot.topics)) {
			if (entry.state == TopicState.PENDING || entry.state == TopicState.ACTIVE) {
				// Whatever was under way on an earlier socket is void: listen again on this one.
				entry.listenInFlight = false;
				entry.generation++;
				listen(entry);
			}
		}
	}

	/**
	 * Runs work for a transport callback on the timer thread, under the lock: the transport's I/O threads must
	 * never block (on the lock, or on a send), or Tomcat's elastic I/O pool grows with the sockets.
	 */
	/**
	 * Hands a route's released messages to its subscriptions from a task that holds no lock: under the pool's lock,
	 * a handler running on the calling thread (a direct dispatch executor) could stall or re-enter the engine.
	 */
	private void emptyLater(TopicRoute route) {
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler == null) {
			return;
		}
		try {
			scheduler.execute(route::emptyOutbox);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// Stopping: what the route held back is dropped with the client's queues.
		}
	}

	private void onEngineThread(Runnable task) {
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler == null) {
			return;
		}
		try {
			scheduler.execute(() -> {
				synchronized (this) {
					task.run();
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// Stopping: the socket is being closed anyway.
		}
	}

	/** The socket closed or broke (a transport thread). */
	void socketEnded(PubSubSocket socket, String detail) {
		onEngineThread(() -> ended(socket, detail));
	}

	private void ended(PubSubSocket socket, String detail) {
		socket.cancelTimers();
		for (PendingRequest request : socket.pending().values()) {
			request.timeout().cancel(false);
			if (request.listen() && request.generation() == request.entry().generation) {
				request.entry().listenInFlight = false;
			}
		}
		socket.pending().clear();
		Slot slot = socket.slot();
		for (TopicEntry entry : slot.topics) {
			if (entry.route.ended(socket)) {
				emptyLater(entry.route);
			}
		}
		if (socket == slot.retiring) {
			slot.retiring = null;
			String queued = slot.queuedHandover;
			slot.queuedHandover = null;
			logger.debug("Handover of {}: the old socket {} {}", slot.id, socket, detail);
			PubSubSocket replacement = slot.socket;
			if (replacement == null || !replacement.isOpen()) {
				// Nothing carries the topics until the replacement opens.
				for (TopicEntry entry : slot.topics) {
					if (entry.state == TopicState.ACTIVE) {
						changeState(entry, TopicState.PENDING, null);
					}
				}
				slot.state(ConnectionState.CONNECTING);
				notifyConnection(slot);
			}
			// A quiet topic whose streams never aligned switches on the replacement's next message; give up
			// waiting after the settle time, so that no merge lingers into a later handover.
			ScheduledExecutorService scheduler = this.timer;
			if (scheduler != null) {
				Map<TopicRoute, Long> merges = new java.util.HashMap<>();
				slot.topics.forEach((entry) -> merges.put(entry.route, entry.route.merges()));
				scheduler.schedule(() -> {
					synchronized (this) {
						merges.forEach((route, merge) -> {
							if (route.forceSwitch(merge)) {
								emptyLater(route);
							}
						});
					}
				}, this.settings.handoverSettle().toNanos(), TimeUnit.NANOSECONDS);
			}
			PubSubSocket current = slot.socket;
			if (queued != null && current != null && current.isOpen()) {
				handover(current, queued);
			}
			return;
		}
		if (socket != slot.socket) {
			return;
		}
		slot.socket = null;
		if (socket.closedByClient() || !this.running || slot.closing) {
			slot.state(ConnectionState.CLOSED);
			notifyConnection(slot);
			return;
		}
		String cause = socket.closeCause();
		this.counters.reconnect(slot.id, cause);
		slot.reconnects++;
		PubSubSocket old = slot.retiring;
		boolean oldStillDelivers = old != null && old.isOpen();
		if (!oldStillDelivers) {
			for (TopicEntry entry : slot.topics) {
				if (entry.state == TopicState.ACTIVE) {
					changeState(entry, TopicState.PENDING, null);
				}
			}
			slot.state(ConnectionState.RECONNECTING);
			notifyConnection(slot);
		}
		Duration delay = slot.backoff.next();
		logger.info("Connection {} {} ({}); reconnecting in {} ms", slot.id, detail, cause, delay.toMillis());
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler != null) {
			slot.reconnectTask = scheduler.schedule(() -> {
				synchronized (this) {
					if (this.running && slot.socket == null && !slot.closing) {
						connect(slot);
					}
				}
			}, delay.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private void closeSocket(@Nullable PubSubSocket socket) {
		if (socket != null) {
			socket.cancelTimers();
			socket.close();
		}
	}

	// --- keep-alive ---

	private void schedulePing(PubSubSocket socket) {
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler == null) {
			return;
		}
		long jitter = this.settings.pingJitter().toNanos();
		long delay = this.settings.pingFrequency().toNanos()
				+ ((jitter > 0) ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
		socket.pingTask(scheduler.schedule(() -> ping(socket), delay, TimeUnit.NANOSECONDS));
	}

	private synchronized void ping(PubSubSocket socket) {
		ScheduledExecutorService scheduler = this.timer;
		if (!this.running || scheduler == null || socket.slot().socket != socket || !socket.isOpen()) {
			return;
		}
		if (socket.send(OutboundFrames.ping())) {
			socket.pingSent(scheduler.schedule(() -> pongMissing(socket), this.settings.pongTimeout().toNanos(),
					TimeUnit.NANOSECONDS));
		}
		schedulePing(socket);
	}

	private synchronized void pongMissing(PubSubSocket socket) {
		if (socket.slot().socket != socket) {
			return;
		}
		logger.warn("Connection {}: no PONG within {}; reconnecting", socket.slot().id, this.settings.pongTimeout());
		socket.closeCause("pong_timeout");
		socket.abort();
	}

	// --- frames ---

	/** A MESSAGE, on the socket's reading thread, without the pool's lock. */
	void route(PubSubSocket socket, InboundFrame.Message message) {
		Instant now = Instant.now();
		this.counters.messageReceived(now);
		TopicRoute route = this.routes.get(message.topic());
		if (route == null) {
			this.counters.dropped(null, "no_subscriber");
			this.log.warn("no-subscriber", "MESSAGE for {}, which no subscription wants; dropped", message.topic());
			return;
		}
		this.counters.routed(route.topic());
		route.accept(socket, new PubSubMessage(route.topic(), message.message(), now));
	}

	void badFrame(PubSubSocket socket, String reason) {
		this.counters.badFrames.increment();
		this.log.warn("bad-frame", "Connection {} received a frame it cannot use ({}); ignored", socket.slot().id, reason);
	}

	/** Any frame but MESSAGE (a transport thread). */
	void frame(PubSubSocket socket, InboundFrame frame) {
		onEngineThread(() -> handle(socket, frame));
	}

	private void handle(PubSubSocket socket, InboundFrame frame) {
		if (frame instanceof InboundFrame.Response response) {
			response(socket, response);
		}
		else if (frame instanceof InboundFrame.Pong) {
			Duration roundTrip = socket.pongReceived();
			if (roundTrip != null) {
				this.counters.pong(socket.slot().id, roundTrip);
			}
		}
		else if (frame instanceof InboundFrame.Reconnect) {
			handover(socket, "server_reconnect");
		}
		else if (frame instanceof InboundFrame.AuthRevoked revoked) {
			revoked(socket, revoked.topics());
		}
		else if (frame instanceof InboundFrame.Unknown unknown) {
			this.counters.badFrames.increment();
			this.log.warn("unknown-frame", "Connection {} received a frame of unknown type '{}'; ignored",
					socket.slot().id, unknown.type());
		}
	}

	// --- LISTEN ---

	private void listen(TopicEntry entry) {
		Slot slot = entry.slot;
		PubSubSocket socket = (slot != null) ? slot.socket : null;
		if (!this.running || socket == null || !socket.isOpen() || entry.listenInFlight
				|| entry.state == TopicState.FAILED || entry.state == TopicState.REVOKED) {
			return;
		}
		entry.listenInFlight = true;
		int generation = ++entry.generation;
		this.pacer.submit(() -> requestToken(entry, socket, generation, false));
	}

	private void requestToken(TopicEntry entry, PubSubSocket socket, int generation, boolean refresh) {
		if (generation != entry.generation || !this.running) {
			// Paced before its socket died: a newer attempt (or none) owns the topic now.
			return;
		}
		String userId = entry.topic.authorizingUserId();
		CompletionStage<AccessToken> token;
		try {
			AccessToken rejected = entry.token;
			token = (refresh && rejected != null) ? this.settings.tokenProvider().refresh(userId, rejected)
					: this.settings.tokenProvider().token(userId);
		}
		catch (RuntimeException ex) {
			token = CompletableFuture.failedFuture(ex);
		}
		// Finish on the engine thread: a provider that completes its stage under a lock of its own must never wait
		// for this pool's lock, which is held while the provider is called.
		token.whenComplete((value, error) -> onEngineThread(() -> sendListen(entry, socket, generation, value, error)));
	}

	private void sendListen(TopicEntry entry, PubSubSocket socket, int generation,
			@Nullable AccessToken token, @Nullable Throwable error) {
		ScheduledExecutorService scheduler = this.timer;
		if (generation != entry.generation || !this.running || scheduler == null) {
			return;
		}
		TopicType type = entry.topic.type();
		if ((error != null || token == null) && type != null) {
			entry.listenInFlight = false;
			Throwable cause = (error instanceof java.util.concurrent.CompletionException && error.getCause() != null)
					? error.getCause() : error;
			TokenUnavailableException failure = new TokenUnavailableException(entry.topic,
					entry.topic.authorizingUserId(), cause);
			if (entry.everActive) {
				retryOrFail(entry, failure);
			}
			else {
				listenFailed(entry, failure);
			}
			return;
		}
		// Undocumented topics such as video-playback needed no token: without one, LISTEN goes out without.
		if (token != null && type != null && token.lacksScope(type.scope())) {
			listenFailed(entry, new MissingScopeException(entry.topic, type.scope()));
			return;
		}
		Slot slot = entry.slot;
		if (slot == null || slot.socket != socket || !socket.isOpen()) {
			entry.listenInFlight = false;
			return;
		}
		entry.token = (error == null) ? token : null;
		String nonce = Nonces.next();
		ScheduledFuture<?> timeout = scheduler.schedule(() -> listenTimedOut(socket, nonce),
				this.settings.listenConfirmTimeout().toNanos(), TimeUnit.NANOSECONDS);
		socket.pending().put(nonce, new PendingRequest(entry, true, generation, timeout, System.nanoTime()));
		// Route before sending: the server may publish on this socket before its RESPONSE arrives.
		if (entry.route.listenSent(socket, slot.retiring)) {
			emptyLater(entry.route);
		}
		if (!socket.send(OutboundFrames.listen(nonce, entry.topic.value(), (token != null) ? token.value() : null))) {
			socket.pending().remove(nonce);
			timeout.cancel(false);
			entry.listenInFlight = false;
		}
	}

	private void sendUnlisten(PubSubSocket socket, TopicEntry entry) {
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler == null) {
			return;
		}
		String nonce = Nonces.next();
		ScheduledFuture<?> timeout = scheduler.schedule(() -> {
			synchronized (this) {
				socket.pending().remove(nonce);
			}
		}, this.settings.listenConfirmTimeout().toNanos(), TimeUnit.NANOSECONDS);
		socket.pending().put(nonce, new PendingRequest(entry, false, entry.generation, timeout, System.nanoTime()));
		socket.send(OutboundFrames.unlisten(nonce, entry.topic.value()));
	}

	private void response(PubSubSocket socket, InboundFrame.Response response) {
		PendingRequest request = socket.pending().remove(response.nonce());
		if (request == null) {
			this.log.warn("unmatched-response", "Connection {}: RESPONSE with unknown nonce '{}' ({}); ignored",
					socket.slot().id, response.nonce(), response.error());
			return;
		}
		request.timeout().cancel(false);
		if (!request.listen()) {
			unlistenAnswered(socket, request.entry());
			return;
		}
		TopicEntry entry = request.entry();
		if (!request.listen() || request.generation() != entry.generation
				|| this.topics.get(entry.topic.value()) != entry) {
			return;
		}
		entry.listenInFlight = false;
		this.counters.listenResult(entry.topic, response.error(), request.sentNanos());
		if (response.isSuccess()) {
			entry.retries = 0;
			entry.refreshTried = false;
			entry.everActive = true;
			entry.confirmedOn = socket;
			changeState(entry, TopicState.ACTIVE, null);
			for (TopicEntry.Waiter waiter : entry.waiters) {
				waiter.future().complete(waiter.subscription().id());
			}
			entry.waiters.clear();
			handoverProgress(socket.slot());
			return;
		}
		switch (response.error()) {
			case "ERR_BADAUTH" -> {
				if (!entry.refreshTried) {
					entry.refreshTried = true;
					entry.listenInFlight = true;
					int generation = ++entry.generation;
					logger.info("LISTEN to {} got ERR_BADAUTH; refreshing the token once", entry.topic);
					requestToken(entry, socket, generation, true);
				}
				else {
					listenFailed(entry, ListenFailedException.of(entry.topic, response.error(),
							"refused again after a token refresh"));
				}
			}
			case "ERR_SERVER" -> retryOrFail(entry, ListenFailedException.of(entry.topic, response.error(),
					"still failing after " + this.settings.serverErrorRetries() + " retries"));
			default -> listenFailed(entry, ListenFailedException.of(entry.topic, response.error(), "not retried"));
		}
	}

	private synchronized void listenTimedOut(PubSubSocket socket, String nonce) {
		PendingRequest request = socket.pending().remove(nonce);
		if (request == null || request.generation() != request.entry().generation) {
			return;
		}
		TopicEntry entry = request.entry();
		entry.listenInFlight = false;
		this.counters.listenResult(entry.topic, "timeout", request.sentNanos());
		ListenTimeoutException timeout = new ListenTimeoutException(entry.topic, this.settings.listenConfirmTimeout());
		if (entry.everActive || entry.waiters.isEmpty()) {
			// A topic that worked before is retried: the server may be busy after a reconnect storm. So is one that
			// nobody waits for (listened to before the start, as declarative listeners are): failing it for good
			// would leave it silent until the application restarts.
			retryOrFail(entry, timeout);
		}
		else {
			listenFailed(entry, timeout);
		}
	}

	private void retryOrFail(TopicEntry entry, PubSubException failure) {
		ScheduledExecutorService scheduler = this.timer;
		if (entry.retries >= this.settings.serverErrorRetries() || scheduler == null) {
			listenFailed(entry, failure);
			return;
		}
		long delay = this.settings.reconnectInitialDelay().toNanos() << Math.min(entry.retries, 6);
		entry.retries++;
		entry.listenInFlight = true;
		int generation = ++entry.generation;
		logger.info("LISTEN to {} failed ({}); retry {} of {} in {} ms", entry.topic, failure.getMessage(),
				entry.retries, this.settings.serverErrorRetries(), TimeUnit.NANOSECONDS.toMillis(delay));
		scheduler.schedule(() -> {
			synchronized (this) {
				if (entry.generation == generation) {
					entry.listenInFlight = false;
					listen(entry);
				}
			}
		}, delay, TimeUnit.NANOSECONDS);
	}

	/** The topic failed for good: waiting calls fail and their subscriptions go; confirmed ones see FAILED. */
	private void listenFailed(TopicEntry entry, PubSubException failure) {
		logger.warn("{}", failure.getMessage());
		Slot failedSlot = entry.slot;
		PubSubSocket failedOn = (failedSlot != null) ? failedSlot.socket : null;
		if (failure instanceof ListenTimeoutException && failedOn != null && failedOn.isOpen()) {
			// The server may still register the LISTEN it never answered.
			sendUnlisten(failedOn, entry);
		}
		changeState(entry, TopicState.FAILED, failure.getMessage());
		retire(entry, failure);
	}

	/**
	 * Takes a topic that failed or was revoked off its slot: waiting calls fail and their subscriptions go; the entry
	 * stays, for the snapshot, only while confirmed subscriptions remain.
	 */
	private void retire(TopicEntry entry, PubSubException failure) {
		failWaiters(entry, failure);
		entry.route.detach();
		release(entry);
		if (entry.route.subscriptions().isEmpty()) {
			this.topics.remove(entry.topic.value());
			this.routes.remove(entry.topic.value());
		}
	}

	/** The {@code listen*} calls still waiting for the topic fail, and their subscriptions are removed. */
	private void failWaiters(TopicEntry entry, PubSubException failure) {
		for (TopicEntry.Waiter waiter : entry.waiters) {
			this.subscriptions.remove(waiter.subscription().id());
			entry.route.subscriptions().remove(waiter.subscription());
			waiter.subscription().cancel();
			waiter.future().completeExceptionally(failure);
		}
		entry.waiters.clear();
	}

	// --- RECONNECT: make before break ---

	/**
	 * Replaces open sockets the way a RECONNECT does (a replacement first, then the old one closes), so nothing is
	 * lost: for an operator who wants fresh connections.
	 * @param connectionId one socket, or {@code null} for all
	 * @return how many sockets are being replaced
	 */
	synchronized int reconnect(@Nullable String connectionId) {
		int replaced = 0;
		for (Slot slot : this.slots) {
			PubSubSocket socket = slot.socket;
			if ((connectionId == null || slot.id.equals(connectionId)) && socket != null && socket.isOpen()
					&& slot.retiring == null) {
				onEngineThread(() -> handover(socket, "requested"));
				replaced++;
			}
		}
		return replaced;
	}

	private void handover(PubSubSocket socket, String cause) {
		Slot slot = socket.slot();
		if (slot.socket != socket || slot.closing) {
			return;
		}
		if (slot.retiring != null) {
			// A handover is under way and its old socket still carries what the replacement may not have yet.
			// Closing it now would leave no socket listening; replace this one once the handover is over.
			slot.queuedHandover = cause;
			return;
		}
		this.counters.reconnect(slot.id, cause);
		slot.reconnects++;
		logger.info("Connection {}: {}; opening a replacement", slot.id,
				cause.equals("server_reconnect") ? "server sent RECONNECT" : "reconnect requested");
		socket.cancelTimers();
		slot.retiring = socket;
		slot.socket = null;
		slot.settling = false;
		ScheduledExecutorService scheduler = this.timer;
		if (scheduler != null) {
			// Twitch closes the old socket within 30 s; past that, waiting for alignment cannot help.
			slot.handoverDeadline = scheduler.schedule(() -> finishHandover(slot, socket, true),
					Duration.ofSeconds(30).toNanos(), TimeUnit.NANOSECONDS);
		}
		connect(slot);
	}

	/** After a RESPONSE on a slot's socket: once every topic is confirmed there, let the old socket go. */
	private void handoverProgress(Slot slot) {
		PubSubSocket old = slot.retiring;
		PubSubSocket fresh = slot.socket;
		ScheduledExecutorService scheduler = this.timer;
		if (old == null || fresh == null || slot.settling || scheduler == null) {
			return;
		}
		for (TopicEntry entry : slot.topics) {
			if (entry.state != TopicState.FAILED && entry.confirmedOn != fresh) {
				return;
			}
		}
		slot.settling = true;
		// Frames the server wrote to the old socket before it registered the new LISTENs may still be unread. The
		// old socket is unlistened first, so that it stops receiving, and closes a settle time after the answers:
		// a fixed delay from the new socket's confirmations alone lost what a slow old socket had not read yet.
		for (TopicEntry entry : slot.topics) {
			if (entry.state != TopicState.FAILED) {
				old.handoverUnlistens++;
				sendUnlisten(old, entry);
			}
		}
		if (old.handoverUnlistens == 0) {
			closeSocket(old);
			return;
		}
		Duration patience = this.settings.handoverSettle().compareTo(this.settings.listenConfirmTimeout()) > 0
				? this.settings.handoverSettle() : this.settings.listenConfirmTimeout();
		scheduler.schedule(() -> finishHandover(slot, old, false), patience.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * An UNLISTEN was answered. On the old socket of a handover, once every topic's is, the server has stopped
	 * publishing there; messages it published just before may still be on their way (a server need not order its
	 * answers after its publishes), so the old socket stays for the settle time more, then closes.
	 */
	private void unlistenAnswered(PubSubSocket socket, TopicEntry entry) {
		Slot slot = socket.slot();
		ScheduledExecutorService scheduler = this.timer;
		if (socket != slot.retiring || socket.handoverUnlistens == 0) {
			return;
		}
		if (--socket.handoverUnlistens == 0 && scheduler != null) {
			scheduler.schedule(() -> finishHandover(slot, socket, false), this.settings.handoverSettle().toNanos(),
					TimeUnit.NANOSECONDS);
		}
	}

	private synchronized void finishHandover(Slot slot, PubSubSocket old, boolean deadline) {
		if (slot.retiring != old) {
			return;
		}
		if (deadline) {
			for (TopicEntry entry : slot.topics) {
				if (entry.route.forceSwitch()) {
					emptyLater(entry.route);
				}
			}
		}
		closeSocket(old);
	}

	// --- AUTH_REVOKED ---

	private void revoked(PubSubSocket socket, List<String> revokedTopics) {
		for (String value : revokedTopics) {
			TopicEntry entry = this.topics.get(value);
			if (entry == null || entry.slot != socket.slot()) {
				continue;
			}
			logger.warn("Authorization for {} was revoked; it will not be listened to again", entry.topic);
			changeState(entry, TopicState.REVOKED, "authorization revoked by Twitch (AUTH_REVOKED)");
			retire(entry, new AuthorizationFailedException(entry.topic,
					"authorization revoked by Twitch (AUTH_REVOKED)"));
			for (PubSubListener listener : this.settings.listeners()) {
				notify(listener, (l) -> l.authorizationRevoked(entry.topic));
			}
		}
	}

	// --- notification ---

	private void changeState(TopicEntry entry, TopicState state, @Nullable String failure) {
		if (entry.state == state && java.util.Objects.equals(entry.failure, failure)) {
			return;
		}
		entry.state = state;
		entry.failure = failure;
		TopicStatus status = entry.status();
		for (PubSubListener listener : this.settings.listeners()) {
			notify(listener, (l) -> l.topicChanged(status));
		}
	}

	private void notifyConnection(Slot slot) {
		ConnectionStatus status = slot.status();
		for (PubSubListener listener : this.settings.listeners()) {
			notify(listener, (l) -> l.connectionChanged(status));
		}
	}

	private void notify(PubSubListener listener, Consumer<PubSubListener> call) {
		try {
			call.accept(listener);
		}
		catch (RuntimeException ex) {
			this.log.warn("listener-" + listener.getClass().getName(), "State listener {} failed: {}", listener,
					ex.toString());
		}
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
