package io.github.twitchjvm.pubsub.test.eventsub;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * The service's sessions and subscriptions, and everything that changes them: sockets
 * opening and closing, their timers, Helix's requests and the control calls. One lock
 * (this object) guards it all: the fake serves a few clients, and one lock keeps every
 * rule (limits, moves between sockets) simple to check.
 */
final class EventSubState {

	/**
	 * A host name or bracketed IPv6 address, with a port: what a reconnect URL may carry,
	 * nothing that would change its meaning (a path, a fragment, credentials).
	 */
	private static final Pattern AUTHORITY = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}");

	/** Published messages kept for {@code duplicate}; the oldest are forgotten first. */
	static final int MAX_REMEMBERED_MESSAGES = 10_000;

	private static final String NO_SESSION = "websocket transport session does not exist or has already disconnected";

	private final EventSubSettings settings;

	private final String host;

	/**
	 * Which {@code Host} headers a reconnect URL may repeat: behind a port mapping (a
	 * container) the client reaches the server at an address the server cannot know.
	 */
	private final Predicate<String> allowedHosts;

	private final IntSupplier port;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Session> sessions = new LinkedHashMap<>();

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	private final Map<String, Session> reconnectTokens = new LinkedHashMap<>();

	private final Set<SessionSocket> sockets = new HashSet<>();

	private final Map<String, SentMessage> sent = new LinkedHashMap<>(64, 0.75f, false) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, SentMessage> eldest) {
			return size() > MAX_REMEMBERED_MESSAGES;
		}

	};

	private long sequence;

	EventSubState(EventSubSettings settings, String host, IntSupplier port, Predicate<String> allowedHosts) {
		this.settings = settings;
		this.host = host;
		this.port = port;
		this.allowedHosts = allowedHosts;
	}

	EventSubSettings settings() {
		return this.settings;
	}

	// ---- WebSocket side

	/** A client connected to {@code /ws}: a new session, welcomed at once. */
	synchronized SessionSocket opened(Channel channel, int keepaliveSeconds, @Nullable String hostHeader) {
		SessionSocket socket = new SessionSocket(channel, authority(hostHeader));
		this.sockets.add(socket);
		Instant now = Instant.now();
		Session session = new Session(newSessionId(), now, keepaliveSeconds, socket);
		socket.session(session);
		this.sessions.put(session.id(), session);
		socket.send(EventSubJson.welcome(EventSubJson.newMessageId(), now, session.id(), now, keepaliveSeconds));
		socket.welcomeWindow(socket.schedule(() -> welcomeWindowEnded(socket), keepaliveNanos(session)));
		startTimers(socket, session);
		return socket;
	}

	/**
	 * A client connected to a {@code reconnect_url}: the session moves to this socket,
	 * with its subscriptions, and the old socket gets nothing more. An unknown or used
	 * URL is closed with 4007.
	 */
	synchronized SessionSocket reconnected(Channel channel, String token, @Nullable String hostHeader) {
		SessionSocket socket = new SessionSocket(channel, authority(hostHeader));
		this.sockets.add(socket);
		Session session = this.reconnectTokens.remove(token);
		if (session == null || !session.isConnected() || !token.equals(session.reconnectToken())) {
			close(socket, CloseReason.INVALID_RECONNECT);
			return socket;
		}
		SessionSocket old = session.socket();
		socket.session(session);
		session.movedTo(socket);
		socket.send(EventSubJson.welcome(EventSubJson.newMessageId(), Instant.now(), session.id(), Instant.now(),
				session.keepaliveSeconds()));
		if (old != null) {
			// Its 4004 deadline stays: the client should close it now.
			old.keepalive(null);
		}
		startTimers(socket, session);
		return socket;
	}

	/** A text or binary frame from the client: Twitch closes with 4001. */
	synchronized void inbound(SessionSocket socket) {
		close(socket, CloseReason.INBOUND_TRAFFIC);
	}

	synchronized void pong(SessionSocket socket) {
		socket.pongDeadline(null);
	}

	/**
	 * A socket closed, however: if it was its session's, the session ends and its
	 * subscriptions are disabled with the close's status.
	 */
	synchronized void closed(SessionSocket socket) {
		socket.cancelTimers();
		this.sockets.remove(socket);
		Session session = socket.session();
		if (session == null || session.socket() != socket) {
			return;
		}
		String token = session.reconnectToken();
		if (token != null) {
			this.reconnectTokens.remove(token);
		}
		String closeStatus = socket.closeStatus();
		String status = (closeStatus != null) ? closeStatus : CloseReason.DISCONNECTED;
		Instant now = Instant.now();
		session.disconnected(status, now);
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.isEnabled() && subscription.sessionId().equals(session.id())) {
				subscription.disable(status, now, true);
			}
		}
	}

	private void startTimers(SessionSocket socket, Session session) {
		scheduleKeepalive(socket, session);
		long interval = this.settings.pingInterval().toNanos();
		socket.pings(socket.channel()
			.eventLoop()
			.scheduleAtFixedRate(() -> ping(socket), interval, interval, TimeUnit.NANOSECONDS));
	}

	private void scheduleKeepalive(SessionSocket socket, Session session) {
		socket.keepalive(socket.schedule(() -> keepaliveDue(socket), keepaliveNanos(session)));
	}

	private long keepaliveNanos(Session session) {
		return this.settings.keepaliveSecond().toNanos() * session.keepaliveSeconds();
	}

	private synchronized void keepaliveDue(SessionSocket socket) {
		Session session = socket.session();
		if (session == null || session.socket() != socket || !socket.channel().isActive()) {
			return;
		}
		if (!session.keepalivesStopped()) {
			socket.send(EventSubJson.keepalive(EventSubJson.newMessageId(), Instant.now()));
		}
		scheduleKeepalive(socket, session);
	}

	private synchronized void welcomeWindowEnded(SessionSocket socket) {
		Session session = socket.session();
		if (session != null && session.socket() == socket && !session.isUsed()) {
			close(socket, CloseReason.CONNECTION_UNUSED);
		}
	}

	private synchronized void ping(SessionSocket socket) {
		if (socket.awaitsPong() || !socket.channel().isActive()) {
			return;
		}
		socket.channel().writeAndFlush(new PingWebSocketFrame());
		socket.pongDeadline(socket.schedule(() -> pongMissed(socket), this.settings.pongTimeout().toNanos()));
	}

	private synchronized void pongMissed(SessionSocket socket) {
		if (socket.awaitsPong()) {
			close(socket, CloseReason.PING_PONG);
		}
	}

	private synchronized void reconnectGraceEnded(SessionSocket socket) {
		close(socket, CloseReason.RECONNECT_GRACE_EXPIRED);
	}

	private void close(SessionSocket socket, CloseReason reason) {
		socket.close(reason.code(), reason.reason(), reason.status());
	}

	private String newSessionId() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return "AQoQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	// ---- Helix

	/** {@code POST /eventsub/subscriptions}, every check in Twitch's terms. */
	synchronized ObjectNode create(HelixToken token, JsonNode body) {
		if (!body.isObject()) {
			throw HelixException.badRequest("The request body must be a JSON object");
		}
		String type = requiredText(body, "type");
		String version = requiredText(body, "version");
		Map<String, String> condition = condition(body.path("condition"));
		JsonNode transport = body.path("transport");
		if (!transport.isObject()) {
			throw HelixException.badRequest("transport is required");
		}
		String method = requiredText(transport, "method");
		if (!method.equals("websocket")) {
			throw HelixException.badRequest("transport.method " + method
					+ " is not supported by this fake server, which serves the websocket transport");
		}
		String userId = token.userId();
		if (userId == null) {
			throw new HelixException(HttpResponseStatus.UNAUTHORIZED,
					"The websocket transport requires a user access token");
		}
		String sessionId = requiredText(transport, "session_id");
		SubscriptionTypes.Definition definition = SubscriptionTypes.find(type, version);
		if (definition == null) {
			throw HelixException.badRequest(SubscriptionTypes.knows(type)
					? "version " + version + " of " + type + " is not supported" : "invalid subscription type " + type);
		}
		String conditionProblem = definition.conditionProblem(condition);
		if (conditionProblem != null) {
			throw HelixException.badRequest(conditionProblem);
		}
		prune();
		Session session = this.sessions.get(sessionId);
		if (session == null || !session.isConnected()) {
			throw HelixException.badRequest(NO_SESSION);
		}
		String authorizingKey = definition.authorizingKey();
		if (authorizingKey != null && !userId.equals(condition.get(authorizingKey))) {
			throw new HelixException(HttpResponseStatus.FORBIDDEN,
					"subscription missing proper authorization: condition." + authorizingKey
							+ " must be the token's user");
		}
		if (!definition.allowedBy(token.scopes())) {
			throw new HelixException(HttpResponseStatus.FORBIDDEN, "The access token is missing the required scopes");
		}
		checkLimits(token.clientId(), userId, definition, condition, session);
		Subscription subscription = new Subscription(UUID.randomUUID().toString(), ++this.sequence, definition,
				condition, session.id(), token.clientId(), userId, Instant.now());
		this.subscriptions.put(subscription.id(), subscription);
		session.markUsed();
		ObjectNode answer = EventSubJson.MAPPER.createObjectNode();
		answer.putArray("data").add(EventSubJson.listedSubscription(subscription, session.connectedAt()));
		putTotals(answer, token.clientId(), userId);
		return answer;
	}

	private void checkLimits(String clientId, String userId, SubscriptionTypes.Definition definition,
			Map<String, String> condition, Session session) {
		int onSession = 0;
		Set<String> userSessions = new HashSet<>();
		for (Subscription existing : this.subscriptions.values()) {
			if (!existing.isEnabled()) {
				continue;
			}
			if (existing.sessionId().equals(session.id())) {
				onSession++;
			}
			if (existing.ownedBy(clientId, userId)) {
				userSessions.add(existing.sessionId());
				if (existing.type().equals(definition.type()) && existing.version().equals(definition.version())
						&& existing.condition().equals(condition)) {
					throw new HelixException(HttpResponseStatus.CONFLICT, "subscription already exists");
				}
			}
		}
		if (onSession >= this.settings.maxSubscriptionsPerSession()) {
			throw new HelixException(HttpResponseStatus.TOO_MANY_REQUESTS,
					"number of subscriptions per websocket transport limit exceeded");
		}
		if (!userSessions.contains(session.id()) && userSessions.size() >= this.settings.maxSessionsPerUser()) {
			throw new HelixException(HttpResponseStatus.TOO_MANY_REQUESTS,
					"number of websocket transports limit exceeded");
		}
		if (totalCost(clientId, userId) + definition.cost() > this.settings.maxTotalCost()) {
			throw new HelixException(HttpResponseStatus.TOO_MANY_REQUESTS, "total cost exceeded max_total_cost");
		}
	}

	private int totalCost(String clientId, String userId) {
		int cost = 0;
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.ownedBy(clientId, userId)
					&& (subscription.isEnabled() || this.settings.disabledSubscriptionsCost())) {
				cost += subscription.cost();
			}
		}
		return cost;
	}

	private void putTotals(ObjectNode answer, String clientId, String userId) {
		answer.put("total", total(clientId, userId));
		answer.put("total_cost", totalCost(clientId, userId));
		answer.put("max_total_cost", this.settings.maxTotalCost());
	}

	private int total(String clientId, @Nullable String userId) {
		int total = 0;
		if (userId != null) {
			for (Subscription subscription : this.subscriptions.values()) {
				if (subscription.ownedBy(clientId, userId)) {
					total++;
				}
			}
		}
		return total;
	}

	/**
	 * {@code GET /eventsub/subscriptions}: the token's user's subscriptions, oldest
	 * first, filtered by at most one of {@code status}, {@code type}, {@code user_id},
	 * {@code subscription_id}, a page after the {@code after} cursor.
	 */
	synchronized ObjectNode list(HelixToken token, Map<String, String> query) {
		List<String> filters = new ArrayList<>();
		for (String filter : List.of("status", "type", "user_id", "subscription_id")) {
			if (query.containsKey(filter)) {
				filters.add(filter);
			}
		}
		if (filters.size() > 1) {
			throw HelixException
				.badRequest("only one of status, type, user_id and subscription_id may be given, got " + filters);
		}
		long after = cursor(query.get("after"));
		prune();
		String userId = token.userId();
		ObjectNode answer = EventSubJson.MAPPER.createObjectNode();
		ArrayNode data = EventSubJson.MAPPER.createArrayNode();
		long last = -1;
		boolean more = false;
		if (userId != null) {
			for (Subscription subscription : this.subscriptions.values()) {
				if (!subscription.ownedBy(token.clientId(), userId) || subscription.sequence() <= after
						|| !matches(subscription, filters.isEmpty() ? null : filters.get(0), query)) {
					continue;
				}
				if (data.size() == this.settings.helixPageSize()) {
					more = true;
					break;
				}
				Session session = this.sessions.get(subscription.sessionId());
				data.add(EventSubJson.listedSubscription(subscription,
						(session != null) ? session.connectedAt() : subscription.createdAt()));
				last = subscription.sequence();
			}
		}
		answer.put("total", total(token.clientId(), userId));
		answer.set("data", data);
		answer.put("total_cost", (userId != null) ? totalCost(token.clientId(), userId) : 0);
		answer.put("max_total_cost", this.settings.maxTotalCost());
		ObjectNode pagination = answer.putObject("pagination");
		if (more) {
			pagination.put("cursor", encodeCursor(last));
		}
		return answer;
	}

	private static boolean matches(Subscription subscription, @Nullable String filter, Map<String, String> query) {
		if (filter == null) {
			return true;
		}
		String value = query.getOrDefault(filter, "");
		return switch (filter) {
			case "status" -> subscription.status().equals(value);
			case "type" -> subscription.type().equals(value);
			case "user_id" -> subscription.condition().containsValue(value);
			default -> subscription.id().equals(value);
		};
	}

	private static long cursor(@Nullable String after) {
		if (after == null) {
			return 0;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (decoded.startsWith("after:")) {
				return Long.parseLong(decoded.substring("after:".length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// Answered below like any other cursor this server did not give.
		}
		throw HelixException.badRequest("invalid cursor");
	}

	private static String encodeCursor(long sequence) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("after:" + sequence).getBytes(StandardCharsets.UTF_8));
	}

	/** {@code DELETE /eventsub/subscriptions?id=}: whether it was the token user's. */
	synchronized boolean delete(HelixToken token, String id) {
		prune();
		Subscription subscription = this.subscriptions.get(id);
		String userId = token.userId();
		if (subscription == null || userId == null || !subscription.ownedBy(token.clientId(), userId)) {
			return false;
		}
		this.subscriptions.remove(id);
		return true;
	}

	/** Forgets disabled subscriptions and ended sessions older than the retention. */
	private void prune() {
		Instant horizon = Instant.now().minus(this.settings.disabledRetention());
		this.subscriptions.values().removeIf((subscription) -> {
			Instant disabledAt = subscription.disabledAt();
			return disabledAt != null && disabledAt.isBefore(horizon);
		});
		this.sessions.values().removeIf((session) -> {
			Instant disconnectedAt = session.disconnectedAt();
			return disconnectedAt != null && disconnectedAt.isBefore(horizon);
		});
	}

	private static String requiredText(JsonNode object, String field) {
		JsonNode value = object.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw HelixException.badRequest(field + " is required");
		}
		return value.asString();
	}

	private static Map<String, String> condition(JsonNode node) {
		if (!node.isObject()) {
			throw HelixException.badRequest("condition is required");
		}
		Map<String, String> condition = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!entry.getValue().isString()) {
				throw HelixException.badRequest("condition." + entry.getKey() + " must be a string");
			}
			condition.put(entry.getKey(), entry.getValue().asString());
		}
		return condition;
	}

	// ---- Control

	synchronized String publish(String subscriptionId, ObjectNode event, Duration age) {
		Subscription subscription = this.subscriptions.get(subscriptionId);
		if (subscription == null) {
			throw new IllegalArgumentException("No subscription " + subscriptionId);
		}
		if (!subscription.isEnabled()) {
			throw new IllegalStateException(
					"Subscription " + subscriptionId + " is not enabled: " + subscription.status());
		}
		return deliver(subscription, event, age);
	}

	synchronized List<String> publish(String type, Map<String, String> condition, ObjectNode event, Duration age) {
		List<String> messageIds = new ArrayList<>();
		for (Subscription subscription : List.copyOf(this.subscriptions.values())) {
			if (subscription.isEnabled() && subscription.type().equals(type)
					&& subscription.condition()
						.entrySet()
						.stream()
						.allMatch((entry) -> entry.getValue().equals(condition.get(entry.getKey())))) {
				messageIds.add(deliver(subscription, event, age));
			}
		}
		return messageIds;
	}

	/**
	 * Notifications to one subscription as fast as its socket takes them, each with a
	 * message id of its own; not remembered for {@code duplicate}.
	 */
	synchronized java.util.concurrent.CompletableFuture<Integer> burst(String subscriptionId, ObjectNode event,
			int count) {
		Subscription subscription = this.subscriptions.get(subscriptionId);
		if (subscription == null || !subscription.isEnabled()) {
			throw new IllegalArgumentException("No enabled subscription " + subscriptionId);
		}
		Session session = this.sessions.get(subscription.sessionId());
		SessionSocket socket = (session != null) ? session.socket() : null;
		if (session == null || socket == null) {
			throw new IllegalStateException("The session of subscription " + subscription.id() + " is gone");
		}
		String prefix = EventSubJson.newMessageId();
		String template = EventSubJson.notification(prefix, Instant.now(), subscription, event);
		scheduleKeepalive(socket, session);
		// The last 8 hex digits of the id become the index: a UUID still, and unique.
		String head = prefix.substring(0, prefix.length() - 8);
		return new NotificationBurst(socket.channel(), count, (index) -> {
			String hex = Integer.toHexString(index);
			return template.replace(prefix, head + "00000000".substring(hex.length()) + hex);
		}).start();
	}

	private String deliver(Subscription subscription, ObjectNode event, Duration age) {
		Session session = this.sessions.get(subscription.sessionId());
		SessionSocket socket = (session != null) ? session.socket() : null;
		if (session == null || socket == null) {
			throw new IllegalStateException("The session of subscription " + subscription.id() + " is gone");
		}
		String messageId = EventSubJson.newMessageId();
		String text = EventSubJson.notification(messageId, Instant.now().minus(age), subscription, event);
		this.sent.put(messageId, new SentMessage(subscription.id(), text));
		socket.send(text);
		scheduleKeepalive(socket, session);
		return messageId;
	}

	synchronized void duplicate(String messageId) {
		SentMessage message = this.sent.get(messageId);
		if (message == null) {
			throw new IllegalArgumentException(
					"No message " + messageId + " among the last " + MAX_REMEMBERED_MESSAGES + " published");
		}
		Subscription subscription = this.subscriptions.get(message.subscriptionId());
		Session session = (subscription != null) ? this.sessions.get(subscription.sessionId()) : null;
		SessionSocket socket = (session != null) ? session.socket() : null;
		if (session == null || socket == null) {
			throw new IllegalStateException("The session message " + messageId + " went to is gone");
		}
		socket.send(message.text());
		scheduleKeepalive(socket, session);
	}

	/**
	 * Like Twitch, whose reconnect URL names the host the client already uses: the
	 * client's own {@code Host} (with its port) when it is one the server answers to.
	 */
	@Nullable String authority(@Nullable String hostHeader) {
		if (hostHeader == null) {
			return null;
		}
		String authority = hostHeader.trim();
		return (AUTHORITY.matcher(authority).matches() && this.allowedHosts.test(authority)) ? authority : null;
	}

	synchronized String reconnect(String sessionId) {
		Session session = connected(sessionId);
		SessionSocket socket = session.socket();
		if (socket == null) {
			throw new IllegalStateException("Session " + sessionId + " has no socket");
		}
		String previous = session.reconnectToken();
		if (previous != null) {
			this.reconnectTokens.remove(previous);
		}
		String token = UUID.randomUUID().toString();
		this.reconnectTokens.put(token, session);
		session.reconnecting(token);
		String authority = socket.authority();
		String url = "ws://" + ((authority != null) ? authority : this.host + ":" + this.port.getAsInt())
				+ "/ws?reconnect=" + token;
		socket.send(EventSubJson.reconnect(EventSubJson.newMessageId(), Instant.now(), session.id(),
				session.connectedAt(), url));
		socket.reconnectDeadline(
				socket.schedule(() -> reconnectGraceEnded(socket), this.settings.reconnectGracePeriod().toNanos()));
		return url;
	}

	synchronized void close(String sessionId, int code) {
		SessionSocket socket = socketOf(sessionId);
		CloseReason reason = CloseReason.of(code);
		if (reason != null) {
			close(socket, reason);
		}
		else {
			socket.close(code, "closed by the control API", CloseReason.DISCONNECTED);
		}
	}

	synchronized void keepalives(String sessionId, boolean send) {
		connected(sessionId).keepalivesStopped(!send);
	}

	synchronized void revoke(String subscriptionId, String status) {
		Subscription subscription = this.subscriptions.get(subscriptionId);
		if (subscription == null || !subscription.isEnabled()) {
			throw new IllegalArgumentException("No enabled subscription " + subscriptionId);
		}
		subscription.disable(status, Instant.now(), false);
		Session session = this.sessions.get(subscription.sessionId());
		SessionSocket socket = (session != null) ? session.socket() : null;
		if (socket != null) {
			socket.send(EventSubJson.revocation(EventSubJson.newMessageId(), Instant.now(), subscription));
		}
	}

	synchronized void sendRaw(String sessionId, String text) {
		socketOf(sessionId).send(text);
	}

	synchronized void drop(String sessionId) {
		socketOf(sessionId).drop();
	}

	/** Every socket, for stopping the server. */
	synchronized void dropAll() {
		this.sockets.forEach(SessionSocket::drop);
	}

	synchronized List<EventSubSession> sessions() {
		prune();
		List<EventSubSession> views = new ArrayList<>();
		for (Session session : this.sessions.values()) {
			List<String> ids = new ArrayList<>();
			for (Subscription subscription : this.subscriptions.values()) {
				if (subscription.sessionId().equals(session.id())) {
					ids.add(subscription.id());
				}
			}
			views.add(session.view(ids));
		}
		return views;
	}

	synchronized List<EventSubSubscription> subscriptions() {
		prune();
		return this.subscriptions.values().stream().map(Subscription::view).toList();
	}

	private Session connected(String sessionId) {
		Session session = this.sessions.get(sessionId);
		if (session == null || !session.isConnected()) {
			throw new IllegalArgumentException("No connected session " + sessionId);
		}
		return session;
	}

	private SessionSocket socketOf(String sessionId) {
		SessionSocket socket = connected(sessionId).socket();
		if (socket == null) {
			throw new IllegalArgumentException("No connected session " + sessionId);
		}
		return socket;
	}

	private record SentMessage(String subscriptionId, String text) {
	}

}
