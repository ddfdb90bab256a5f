package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.core.dispatch.Dispatcher;
import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.engine.Backoff;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.eventsub.helix.CreatedSubscription;
import io.github.twitchjvm.eventsub.helix.HelixClient;
import io.github.twitchjvm.eventsub.session.EventSubFrame;
import io.github.twitchjvm.eventsub.session.EventSubFrames;
import io.github.twitchjvm.eventsub.session.MalformedFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * The EventSub session protocol. Its state belongs to one loop: sessions per user (at
 * most {@code maxSessions} of {@code subscriptionsPerSession} each), which session
 * carries which subscription, creations in flight. Only notifications are handled on the
 * reading threads: deduplicated, checked for age and routed by Twitch's subscription id
 * through a concurrent map, so that the hot path never waits for the loop.
 */
final class EventSubEngine implements SessionEvents<Session> {

	private static final Logger logger = LoggerFactory.getLogger(EventSubEngine.class);

	/** Failed and revoked handles kept for the snapshot, at most. */
	static final int MAX_ENDED = 1_000;

	private final EventSubSettings settings;

	private final EngineLoop loop;

	private final WebSocketTransport transport;

	private final Dispatcher dispatcher;

	private final QueueBudget budget;

	private final EventSubNotifier notifier;

	private final EngineCounters counters;

	private final RateLimitedLog log;

	private final Creations creations;

	private final Deliveries deliveries;

	// Loop only from here.

	private final Map<String, List<Session>> sessions = new HashMap<>();

	/** Which session carries each placed subscription. */
	private final Map<Subscription, Session> carriers = new java.util.IdentityHashMap<>();

	private final Map<String, Backoff> backoffs = new HashMap<>();

	/**
	 * Per user, the last {@code total_cost} and {@code max_total_cost} Twitch answered.
	 */
	private final Map<String, int[]> costs = new HashMap<>();

	/** The handlers' subscriptions by their id; read by any thread. */
	private final Map<java.util.UUID, HandlerSubscription> subscriptions = new ConcurrentHashMap<>();

	/**
	 * The subscriptions at Twitch, each shared by the handlers of its key (loop only).
	 */
	private final Map<Subscription.Key, Subscription> shared = new HashMap<>();

	/**
	 * Failed and revoked handles, oldest first: the snapshot shows them until the
	 * application unsubscribes them, but at most {@link #MAX_ENDED} of them, so that an
	 * application that keeps asking for refused subscriptions does not grow the client
	 * (loop only).
	 */
	private final java.util.ArrayDeque<HandlerSubscription> ended = new java.util.ArrayDeque<>();

	private boolean running;

	EventSubEngine(EventSubSettings settings, EngineLoop loop, WebSocketTransport transport, HelixClient helix,
			Dispatcher dispatcher, QueueBudget budget, EventSubNotifier notifier, EngineCounters counters,
			RateLimitedLog log) {
		this.settings = settings;
		this.loop = loop;
		this.transport = transport;
		this.dispatcher = dispatcher;
		this.budget = budget;
		this.notifier = notifier;
		this.counters = counters;
		this.log = log;
		this.deliveries = new Deliveries(loop, counters);
		this.creations = new Creations(settings, loop, helix, log, new Creations.Outcome() {

			@Override
			public @Nullable Session target(Subscription subscription) {
				return creationTarget(subscription);
			}

			@Override
			public boolean stillWanted(Subscription subscription, Session session, String sessionId) {
				return EventSubEngine.this.running && subscription.isActive()
						&& EventSubEngine.this.carriers.get(subscription) == session && !session.ended
						&& sessionId.equals(session.sessionId);
			}

			@Override
			public void created(Subscription subscription, Session session, CreatedSubscription created) {
				enabled(subscription, session, created);
			}

			@Override
			public void failed(Subscription subscription, Throwable failure) {
				fail(subscription, failure);
			}

		});
	}

	// --- API, any thread ---

	CompletableFuture<EventSubSubscription> subscribe(String type, String version, Map<String, String> condition,
			EventSubHandler handler) {
		String userId = tokenUser(condition);
		Subscription.Key key = new Subscription.Key(type, version, condition);
		CompletableFuture<EventSubSubscription> accepted = new CompletableFuture<>();
		this.loop.execute(() -> {
			Subscription subscription = this.shared.get(key);
			boolean created = subscription == null;
			if (subscription == null) {
				subscription = new Subscription(key, userId);
				this.shared.put(key, subscription);
			}
			HandlerSubscription handle = new HandlerSubscription(subscription, handler, accepted, this.budget,
					this.dispatcher, this.counters, this.log);
			subscription.handlers.add(handle);
			this.subscriptions.put(handle.id(), handle);
			if (created) {
				if (this.running) {
					place(subscription);
				}
			}
			else if (subscription.state() == SubscriptionState.ENABLED) {
				// Twitch holds it already: a second creation would get 409.
				accepted.complete(handle);
				this.notifier.subscriptionEnabled(handle);
			}
		});
		return accepted;
	}

	void unsubscribe(EventSubSubscription handle) {
		HandlerSubscription cancelled = this.subscriptions.get(handle.id());
		if (cancelled == null) {
			return;
		}
		// At once, so that the handler sees nothing more once this returns.
		cancelled.cancel();
		this.loop.execute(() -> {
			HandlerSubscription removed = this.subscriptions.remove(handle.id());
			if (removed == null) {
				return;
			}
			Subscription subscription = removed.subscription();
			subscription.handlers.remove(removed);
			if (!subscription.handlers.isEmpty() || !subscription.isActive()) {
				return;
			}
			this.shared.remove(subscription.key());
			String twitchId = subscription.twitchId();
			subscription.cancelled();
			Session session = this.carriers.get(subscription);
			this.carriers.remove(subscription);
			if (twitchId != null) {
				this.deliveries.unroute(twitchId);
				this.creations.delete(subscription.key(), subscription.userId(), twitchId);
			}
			if (session != null) {
				session.subscriptions.remove(subscription);
				closeIfUnused(session);
			}
		});
	}

	CompletableFuture<List<io.github.twitchjvm.eventsub.helix.TwitchSubscription>> listAtTwitch(String userId) {
		return this.creations.list(userId);
	}

	void start() {
		this.loop.execute(() -> {
			this.running = true;
			for (Subscription subscription : List.copyOf(this.shared.values())) {
				if (subscription.isActive() && !this.carriers.containsKey(subscription)) {
					place(subscription);
				}
			}
		});
	}

	CompletableFuture<Void> stop() {
		CompletableFuture<Void> stopped = new CompletableFuture<>();
		this.loop.execute(() -> {
			this.running = false;
			this.creations.clear();
			for (List<Session> userSessions : this.sessions.values()) {
				for (Session session : userSessions) {
					retire(session);
				}
			}
			this.sessions.clear();
			for (Subscription subscription : this.shared.values()) {
				String twitchId = subscription.twitchId();
				if (twitchId != null) {
					this.deliveries.unroute(twitchId);
				}
				this.carriers.remove(subscription);
				subscription.pending();
			}
			stopped.complete(null);
		});
		return stopped;
	}

	boolean isConnected() {
		// Read from any thread: a stale answer is acceptable for a health check.
		for (HandlerSubscription subscription : this.subscriptions.values()) {
			if (subscription.state() == SubscriptionState.PENDING) {
				return false;
			}
		}
		return true;
	}

	CompletableFuture<EventSubSnapshot> snapshot() {
		CompletableFuture<EventSubSnapshot> snapshot = new CompletableFuture<>();
		this.loop.execute(() -> {
			List<EventSubSnapshot.SessionView> views = new ArrayList<>();
			this.sessions.forEach((user, userSessions) -> userSessions
				.forEach((session) -> views.add(new EventSubSnapshot.SessionView(user, session.sessionId,
						session.subscriptions.size(), session.welcomed))));
			snapshot.complete(
					new EventSubSnapshot(views, List.copyOf(this.subscriptions.values()), this.counters.snapshot()));
		});
		return snapshot;
	}

	/**
	 * The user whose token creates a subscription: the condition's moderator, else its
	 * user, else its broadcaster (the user-authorized types name their reader so).
	 */
	static String tokenUser(Map<String, String> condition) {
		for (String key : List.of("moderator_user_id", "user_id", "to_broadcaster_user_id", "broadcaster_user_id")) {
			String value = condition.get(key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		throw new IllegalArgumentException("The condition " + condition.keySet()
				+ " names no user (moderator_user_id, user_id or broadcaster_user_id)");
	}

	// --- reading threads ---

	@Override
	public void frame(Session session, String text) {
		EventSubFrame frame;
		try {
			frame = EventSubFrames.parse(text);
		}
		catch (MalformedFrameException ex) {
			this.counters.malformedFrames.increment();
			this.log.warn("malformed", "Ignored a message from the EventSub server that is no EventSub frame: {}",
					ex.getMessage());
			return;
		}
		if (frame instanceof EventSubFrame.Notification notification) {
			this.deliveries.deliver(session, notification);
		}
		else if (frame instanceof EventSubFrame.Keepalive) {
			session.touch(this.loop.nanoTime());
		}
		else {
			this.loop.execute(() -> control(session, frame));
		}
	}

	@Override
	public void unusable(Session session, String reason) {
		this.counters.malformedFrames.increment();
		this.log.warn("unusable", "Skipped {} on the {}", reason, session);
	}

	// --- the loop ---

	private void place(Subscription subscription) {
		if (overBudget(subscription)) {
			return;
		}
		List<Session> userSessions = this.sessions.computeIfAbsent(subscription.userId(), (user) -> new ArrayList<>());
		Session target = null;
		for (Session session : userSessions) {
			if (!session.retiring && session.subscriptions.size() < this.settings.subscriptionsPerSession()) {
				target = session;
				break;
			}
		}
		if (target == null) {
			if (userSessions.size() >= this.settings.maxSessions()) {
				fail(subscription, new SubscriptionLimitException("User " + subscription.userId() + " has "
						+ this.settings.maxSessions() + " sessions of " + this.settings.subscriptionsPerSession()
						+ " subscriptions already, Twitch's limit for one user token"));
				return;
			}
			target = new Session(this, subscription.userId(), this.settings.uri(), null);
			userSessions.add(target);
			connect(target);
		}
		target.subscriptions.add(subscription);
		this.carriers.put(subscription, target);
		if (target.welcomed) {
			this.creations.submit(subscription);
		}
	}

	/**
	 * Refuses, before sending it, a subscription that may cost 1 (a type this client does
	 * not model; the modelled ones are all authorized by the user and cost 0) when the
	 * user's budget, as Twitch last reported it, is spent.
	 */
	private boolean overBudget(Subscription subscription) {
		if (EventSubTypes.find(subscription.type(), subscription.version()).isPresent()) {
			return false;
		}
		int[] cost = this.costs.get(subscription.userId());
		if (cost == null || cost[1] <= 0 || cost[0] < cost[1]) {
			return false;
		}
		fail(subscription,
				new SubscriptionLimitException(
						"User " + subscription.userId() + " has spent its EventSub cost budget (total_cost " + cost[0]
								+ " of max_total_cost " + cost[1] + "); " + subscription.type() + " may cost 1"));
		return true;
	}

	private void connect(Session session) {
		ConnectOptions options = new ConnectOptions(this.settings.maxMessageSize(), this.settings.connectTimeout());
		CompletableFuture<WebSocketConnection> connecting;
		try {
			connecting = this.transport.connect(session.uri, options, session);
		}
		catch (RuntimeException ex) {
			ended(session, CloseCodes.NO_CLOSE_FRAME, String.valueOf(ex.getMessage()));
			return;
		}
		connecting.whenComplete((connection, error) -> this.loop.execute(() -> opened(session, connection, error)));
		// The welcome must come within the connect timeout of the attempt.
		session.welcomeTimer = this.loop.schedule(this.settings.connectTimeout().multipliedBy(2), () -> {
			if (!session.welcomed && !session.ended) {
				abort(session, "no welcome in time");
			}
		});
	}

	private void opened(Session session, @Nullable WebSocketConnection connection, @Nullable Throwable error) {
		if (connection == null) {
			this.log.warn("connect-" + session.userId, "Could not open an EventSub session for user {}: {}",
					session.userId, (error != null) ? LogText.safe(String.valueOf(error.getMessage())) : "");
			endedOnLoop(session, CloseCodes.NO_CLOSE_FRAME, "connect failed", true);
			return;
		}
		session.connection = connection;
		if (session.ended || session.retiring) {
			connection.close(CloseCodes.NORMAL, "");
		}
	}

	private void control(Session session, EventSubFrame frame) {
		if (session.ended) {
			return;
		}
		if (frame instanceof EventSubFrame.Welcome welcome) {
			welcomed(session, welcome);
		}
		else if (frame instanceof EventSubFrame.Reconnect reconnect) {
			reconnect(session, reconnect);
		}
		else if (frame instanceof EventSubFrame.Revocation revocation) {
			revoked(revocation);
		}
		else if (frame instanceof EventSubFrame.Unknown unknown) {
			this.log.warn("unknown-type", "Ignored an EventSub message of unknown type '{}'",
					LogText.safe(unknown.messageType(), 80));
		}
	}

	private void welcomed(Session session, EventSubFrame.Welcome welcome) {
		if (session.welcomed) {
			return;
		}
		session.welcomed = true;
		session.sessionId = welcome.sessionId();
		session.keepaliveSeconds = Math.max(1, welcome.keepaliveSeconds());
		session.touch(this.loop.nanoTime());
		session.welcomeTimer.cancel();
		checkKeepalive(session);
		this.notifier.sessionOpened(session.userId, welcome.sessionId());
		Session old = session.replacing;
		if (old != null) {
			// Make before break: the subscriptions moved with the session; nothing is
			// created again (Twitch would answer 409).
			for (Subscription subscription : old.subscriptions) {
				this.carriers.put(subscription, session);
				session.subscriptions.add(subscription);
			}
			old.subscriptions.clear();
			old.replacement = null;
			List<Session> userSessions = this.sessions.get(session.userId);
			if (userSessions != null) {
				userSessions.replaceAll((each) -> (each == old) ? session : each);
			}
			retire(old);
			return;
		}
		for (Subscription subscription : List.copyOf(session.subscriptions)) {
			this.creations.submit(subscription);
		}
	}

	private void reconnect(Session session, EventSubFrame.Reconnect frame) {
		if (session.retiring || session.replacement != null || !session.welcomed) {
			return;
		}
		URI target;
		try {
			target = new URI(frame.reconnectUrl());
		}
		catch (URISyntaxException ex) {
			target = null;
		}
		if (target == null || !EndpointPolicy.judge(target, this.settings.allowInsecure()).allowed()) {
			// Not a place to follow: the session ends in 30 s; a fresh one replaces it.
			this.log.warn("reconnect-url", "Ignored a session_reconnect to '{}': not a wss:// URL",
					LogText.safe(frame.reconnectUrl(), 120));
			return;
		}
		this.counters.reconnect(ReconnectCause.SERVER_RECONNECT);
		this.notifier.reconnecting(session.userId, ReconnectCause.SERVER_RECONNECT);
		Session next = new Session(this, session.userId, target, session);
		session.replacement = next;
		connect(next);
	}

	private void revoked(EventSubFrame.Revocation frame) {
		Subscription subscription = this.deliveries.unroute(frame.subscriptionId());
		if (subscription == null) {
			return;
		}
		subscription.revoked(frame.status());
		this.shared.remove(subscription.key());
		Session session = this.carriers.get(subscription);
		this.carriers.remove(subscription);
		for (HandlerSubscription handle : subscription.handlers) {
			this.notifier.subscriptionRevoked(handle, frame.status());
			keepEnded(handle);
		}
		logger.warn("Twitch revoked the EventSub subscription {} ({})", subscription, LogText.safe(frame.status(), 80));
		if (session != null) {
			session.subscriptions.remove(subscription);
			closeIfUnused(session);
		}
	}

	private @Nullable Session creationTarget(Subscription subscription) {
		Session session = this.carriers.get(subscription);
		if (!this.running || !subscription.isActive() || session == null || !session.welcomed || session.ended
				|| subscription.twitchId() != null) {
			return null;
		}
		return session;
	}

	private void enabled(Subscription subscription, Session session, CreatedSubscription created) {
		this.costs.put(subscription.userId(), new int[] { created.totalCost(), created.maxTotalCost() });
		subscription.enabled(created.id(), created.cost());
		this.deliveries.route(created.id(), subscription);
		for (HandlerSubscription handle : subscription.handlers) {
			handle.accepted.complete(handle);
			this.notifier.subscriptionEnabled(handle);
		}
		this.deliveries.replayEarly(session);
	}

	private void fail(Subscription subscription, Throwable failure) {
		if (!subscription.isActive()) {
			return;
		}
		subscription.failed(failure);
		this.shared.remove(subscription.key());
		Session session = this.carriers.get(subscription);
		this.carriers.remove(subscription);
		for (HandlerSubscription handle : subscription.handlers) {
			handle.accepted.completeExceptionally(failure);
			this.notifier.subscriptionFailed(handle, failure);
			keepEnded(handle);
		}
		this.log.warn("failed-" + subscription.type(), "The EventSub subscription {} failed: {}", subscription,
				LogText.safe(String.valueOf(failure.getMessage()), 300));
		if (session != null) {
			session.subscriptions.remove(subscription);
			this.deliveries.replayEarly(session);
			closeIfUnused(session);
		}
	}

	private void keepEnded(HandlerSubscription handle) {
		this.ended.addLast(handle);
		while (this.ended.size() > MAX_ENDED) {
			HandlerSubscription oldest = this.ended.removeFirst();
			SubscriptionState state = oldest.state();
			if (state == SubscriptionState.FAILED || state == SubscriptionState.REVOKED) {
				this.subscriptions.remove(oldest.id(), oldest);
			}
		}
	}

	private void closeIfUnused(Session session) {
		if (!session.subscriptions.isEmpty() || session.retiring || session.ended) {
			return;
		}
		List<Session> userSessions = this.sessions.get(session.userId);
		if (userSessions != null) {
			userSessions.remove(session);
		}
		retire(session);
	}

	private void retire(Session session) {
		session.closeQuietly();
		Session replacement = session.replacement;
		if (replacement != null) {
			replacement.closeQuietly();
		}
	}

	private void checkKeepalive(Session session) {
		// Twitch's advice plus a margin (as twurple and TwitchLib allow): the timeout
		// and a fifth.
		long timeoutNanos = TimeUnit.SECONDS.toNanos(session.keepaliveSeconds) * 6 / 5;
		long silent = this.loop.nanoTime() - session.lastActivityNanos;
		if (session.ended || session.retiring) {
			return;
		}
		if (silent > timeoutNanos) {
			session.keepaliveLost = true;
			abort(session, "no keepalive in time");
			return;
		}
		session.keepaliveTimer = this.loop.schedule(Duration.ofNanos(timeoutNanos - silent),
				() -> checkKeepalive(session));
	}

	private void abort(Session session, String why) {
		WebSocketConnection connection = session.connection;
		if (connection != null) {
			connection.abort();
		}
		endedOnLoop(session, CloseCodes.NO_CLOSE_FRAME, why, false);
	}

	@Override
	public void ended(Session session, int code, String reason) {
		this.loop.execute(() -> endedOnLoop(session, code, reason, false));
	}

	private void endedOnLoop(Session session, int code, String reason, boolean connectFailed) {
		if (session.ended) {
			return;
		}
		session.ended = true;
		session.welcomeTimer.cancel();
		session.keepaliveTimer.cancel();
		Session old = session.replacing;
		if (session.retiring || !this.running) {
			return;
		}
		if (old != null && !session.welcomed) {
			// The move failed: the old session goes on until Twitch closes it (4004).
			old.replacement = null;
			return;
		}
		Session replacement = session.replacement;
		if (replacement != null) {
			replacement.closeQuietly();
		}
		List<Session> userSessions = this.sessions.get(session.userId);
		if (userSessions != null) {
			userSessions.remove(session);
		}
		ReconnectCause cause = session.keepaliveLost ? ReconnectCause.KEEPALIVE_TIMEOUT
				: connectFailed ? ReconnectCause.CONNECT_FAILED : CloseCodes.reconnectCause(code);
		List<Subscription> orphans = new ArrayList<>();
		for (Subscription subscription : session.subscriptions) {
			if (!subscription.isActive()) {
				continue;
			}
			String twitchId = subscription.twitchId();
			if (twitchId != null) {
				this.deliveries.unroute(twitchId);
				subscription.staleTwitchId = twitchId;
			}
			subscription.pending();
			this.carriers.remove(subscription);
			orphans.add(subscription);
		}
		session.subscriptions.clear();
		if (session.welcomed) {
			this.counters.reconnect(cause);
			this.notifier.reconnecting(session.userId, cause);
			this.notifier.sessionLost(session.userId, cause, code);
		}
		logEnd(session, code, reason, orphans.size());
		if (orphans.isEmpty()) {
			// 4003 with nothing subscribed, for example: reconnecting would loop.
			return;
		}
		Backoff backoff = this.backoffs.computeIfAbsent(session.userId,
				(user) -> new Backoff(this.settings.reconnectInitialDelay(), this.settings.reconnectMaxDelay()));
		if (session.welcomed) {
			backoff.reset();
		}
		Duration delay = backoff.next();
		this.loop.schedule(delay, () -> {
			for (Subscription orphan : orphans) {
				if (this.running && orphan.isActive() && !this.carriers.containsKey(orphan)) {
					place(orphan);
				}
			}
		});
	}

	private void logEnd(Session session, int code, String reason, int subscriptions) {
		String meaning = CloseReasons.meaning(code);
		if (code == CloseReasons.CLIENT_SENT_INBOUND_TRAFFIC || code == CloseReasons.CLIENT_FAILED_PING_PONG) {
			logger.error("Twitch closed the {} with {} ({}): a client bug, please report it", session, code, meaning);
		}
		else {
			logger.info("The {} ended ({} {}{}); {} subscription(s) will be created on a new session", session, code,
					meaning, reason.isEmpty() ? "" : ": " + LogText.safe(reason, 120), subscriptions);
		}
	}

	/** The handlers' queues, for draining at stop; any thread. */
	List<io.github.twitchjvm.core.dispatch.SubscriptionQueue<EventSubNotification>> queues() {
		List<io.github.twitchjvm.core.dispatch.SubscriptionQueue<EventSubNotification>> queues = new ArrayList<>();
		for (HandlerSubscription subscription : this.subscriptions.values()) {
			queues.add(subscription.queue());
		}
		return queues;
	}

}
