package io.github.twitchjvm.eventsub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EventLoop;
import io.github.twitchjvm.core.engine.NamedThreadFactory;
import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.eventsub.helix.HelixClient;

import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link EventSubClient}. Every value starts at Twitch's endpoints and limits;
 * {@link #build()} checks them and names what is wrong.
 */
public final class EventSubClientBuilder {

	private static final int ENGINE_INBOX = 100_000;

	private static final Duration KEEP_ALIVE = Duration.ofMillis(200);

	private URI uri = EventSubClient.TWITCH_EVENTSUB_URI;

	private URI helixUri = HelixClient.TWITCH_HELIX_URI;

	private @Nullable String clientId;

	private @Nullable TwitchTokenProvider tokenProvider;

	private boolean allowInsecure;

	private @Nullable Executor dispatchExecutor;

	private @Nullable WebSocketTransport transport;

	private @Nullable Duration keepaliveTimeout;

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration helixTimeout = Duration.ofSeconds(10);

	private Duration subscribeTimeout = Duration.ofSeconds(30);

	private int maxSessions = 3;

	private int subscriptionsPerSession = 300;

	private int subscriptionsPerSecond = 10;

	private Duration reconnectInitialDelay = Duration.ofSeconds(1);

	private Duration reconnectMaxDelay = Duration.ofSeconds(120);

	private long maxQueuedBytes = Math.min(Runtime.getRuntime().maxMemory() / 4, 256L * 1024 * 1024);

	private @Nullable Long maxQueuedBytesPerSubscription;

	private OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;

	private int maxMessageSize = 1024 * 1024;

	private Duration dispatchDrainTimeout = Duration.ofSeconds(5);

	private final List<EventSubListener> listeners = new ArrayList<>();

	EventSubClientBuilder() {
	}

	/**
	 * @param uri the EventSub WebSocket endpoint; {@code wss://} (or {@code ws://} to a
	 * loopback host, such as the fake server); by default Twitch's
	 * @return this builder
	 */
	public EventSubClientBuilder uri(URI uri) {
		this.uri = Objects.requireNonNull(uri, "uri");
		return this;
	}

	/**
	 * @param helixUri the Helix API base, {@code https://} (or {@code http://} to a
	 * loopback host); by default {@code https://api.twitch.tv/helix}
	 * @return this builder
	 */
	public EventSubClientBuilder helixUri(URI helixUri) {
		this.helixUri = Objects.requireNonNull(helixUri, "helixUri");
		return this;
	}

	/**
	 * @param clientId the application's client id, which Helix requires with every user
	 * token
	 * @return this builder
	 */
	public EventSubClientBuilder clientId(String clientId) {
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		return this;
	}

	/**
	 * @param tokenProvider supplies the user token of the user a subscription's condition
	 * names
	 * @return this builder
	 */
	public EventSubClientBuilder tokenProvider(TwitchTokenProvider tokenProvider) {
		this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
		return this;
	}

	/**
	 * @param token one user access token, for every subscription
	 * @return this builder
	 */
	public EventSubClientBuilder accessToken(String token) {
		return tokenProvider(StaticTokenProvider.of(token));
	}

	/**
	 * @param allowInsecure whether {@code ws://} and {@code http://} to hosts other than
	 * this machine are allowed (tokens then travel in clear)
	 * @return this builder
	 */
	public EventSubClientBuilder allowInsecure(boolean allowInsecure) {
		this.allowInsecure = allowInsecure;
		return this;
	}

	/**
	 * @param dispatchExecutor runs the handlers; by default a pool the client owns
	 * @return this builder
	 */
	public EventSubClientBuilder dispatchExecutor(Executor dispatchExecutor) {
		this.dispatchExecutor = Objects.requireNonNull(dispatchExecutor, "dispatchExecutor");
		return this;
	}

	/**
	 * @param transport opens the WebSocket connections; by default the JDK's
	 * @return this builder
	 */
	public EventSubClientBuilder transport(WebSocketTransport transport) {
		this.transport = Objects.requireNonNull(transport, "transport");
		return this;
	}

	/**
	 * @param keepaliveTimeout the silence after which Twitch sends a keepalive, and the
	 * client gives a session up (with a fifth more); whole seconds from 10 to 600, sent
	 * as {@code keepalive_timeout_seconds}. Twitch's default (10 s) when not set
	 * @return this builder
	 */
	public EventSubClientBuilder keepaliveTimeout(Duration keepaliveTimeout) {
		this.keepaliveTimeout = Objects.requireNonNull(keepaliveTimeout, "keepaliveTimeout");
		return this;
	}

	/**
	 * @param connectTimeout how long opening a session may take (the welcome must come
	 * within twice this)
	 * @return this builder
	 */
	public EventSubClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * @param helixTimeout the deadline of each Helix request
	 * @return this builder
	 */
	public EventSubClientBuilder helixTimeout(Duration helixTimeout) {
		this.helixTimeout = positive(helixTimeout, "helixTimeout");
		return this;
	}

	/**
	 * @param subscribeTimeout how long {@link EventSubClient#subscribe} waits for Twitch
	 * to accept a subscription
	 * @return this builder
	 */
	public EventSubClientBuilder subscribeTimeout(Duration subscribeTimeout) {
		this.subscribeTimeout = positive(subscribeTimeout, "subscribeTimeout");
		return this;
	}

	/**
	 * @param maxSessions sessions per user token, at most Twitch's 3
	 * @param subscriptionsPerSession subscriptions per session, at most Twitch's 300
	 * @return this builder
	 */
	public EventSubClientBuilder limits(int maxSessions, int subscriptionsPerSession) {
		this.maxSessions = maxSessions;
		this.subscriptionsPerSession = subscriptionsPerSession;
		return this;
	}

	/**
	 * @param subscriptionsPerSecond how many subscriptions the client creates per second
	 * at most, so that re-creating hundreds after a lost session stays within Helix's
	 * rate limit
	 * @return this builder
	 */
	public EventSubClientBuilder subscriptionsPerSecond(int subscriptionsPerSecond) {
		this.subscriptionsPerSecond = subscriptionsPerSecond;
		return this;
	}

	/**
	 * @param initialDelay the first delay before a new session after a lost one (the very
	 * first attempt goes out at once)
	 * @param maxDelay the longest delay
	 * @return this builder
	 */
	public EventSubClientBuilder reconnectBackoff(Duration initialDelay, Duration maxDelay) {
		this.reconnectInitialDelay = positive(initialDelay, "initialDelay");
		this.reconnectMaxDelay = positive(maxDelay, "maxDelay");
		return this;
	}

	/**
	 * @param maxQueuedBytes notifications waiting for handlers, in bytes, for the whole
	 * client; by default a quarter of the heap, at most 256 MiB
	 * @return this builder
	 */
	public EventSubClientBuilder maxQueuedBytes(long maxQueuedBytes) {
		this.maxQueuedBytes = maxQueuedBytes;
		return this;
	}

	/**
	 * @param maxQueuedBytesPerSubscription the same for one subscription; by default half
	 * of {@link #maxQueuedBytes(long)}
	 * @return this builder
	 */
	public EventSubClientBuilder maxQueuedBytesPerSubscription(long maxQueuedBytesPerSubscription) {
		this.maxQueuedBytesPerSubscription = maxQueuedBytesPerSubscription;
		return this;
	}

	/**
	 * @param overflow what happens when handlers fall behind beyond the bounds
	 * @return this builder
	 */
	public EventSubClientBuilder overflow(OverflowPolicy overflow) {
		this.overflow = Objects.requireNonNull(overflow, "overflow");
		return this;
	}

	/**
	 * @param maxMessageSize the longest message read, in characters
	 * @return this builder
	 */
	public EventSubClientBuilder maxMessageSize(int maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
		return this;
	}

	/**
	 * @param dispatchDrainTimeout how long {@link EventSubClient#stop()} lets queued
	 * notifications reach their handlers
	 * @return this builder
	 */
	public EventSubClientBuilder dispatchDrainTimeout(Duration dispatchDrainTimeout) {
		this.dispatchDrainTimeout = Objects.requireNonNull(dispatchDrainTimeout, "dispatchDrainTimeout");
		return this;
	}

	/**
	 * @param listener told about sessions and subscriptions
	 * @return this builder
	 */
	public EventSubClientBuilder listener(EventSubListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		return this;
	}

	/**
	 * @return the client, not started
	 * @throws IllegalStateException if the client id or the token provider is missing
	 * @throws IllegalArgumentException if a setting is impossible
	 */
	public EventSubClient build() {
		if (this.clientId == null || this.clientId.isBlank()) {
			throw new IllegalStateException("A client id is required: Helix refuses user tokens without it");
		}
		if (this.tokenProvider == null) {
			throw new IllegalStateException(
					"A token provider is required: call tokenProvider(...) or accessToken(...)");
		}
		EndpointPolicy.Verdict verdict = EndpointPolicy.judge(this.uri, this.allowInsecure);
		if (!verdict.allowed()) {
			throw new IllegalArgumentException("EventSub URI " + EndpointPolicy.redacted(this.uri) + ": "
					+ verdict.reason() + " (or allowInsecure(true))");
		}
		checkHelix();
		URI sessions = withKeepalive(this.uri);
		check(this.maxSessions >= 1 && this.maxSessions <= 3, "maxSessions must be 1 to 3 (Twitch's limit)");
		check(this.subscriptionsPerSession >= 1 && this.subscriptionsPerSession <= 300,
				"subscriptionsPerSession must be 1 to 300 (Twitch's limit)");
		check(this.subscriptionsPerSecond >= 1, "subscriptionsPerSecond must be positive");
		check(this.maxQueuedBytes >= 64 * 1024, "maxQueuedBytes must be at least 64 KiB");
		long perSubscription = (this.maxQueuedBytesPerSubscription != null) ? this.maxQueuedBytesPerSubscription
				: this.maxQueuedBytes / 2;
		check(perSubscription >= 1 && perSubscription <= this.maxQueuedBytes,
				"maxQueuedBytesPerSubscription must be positive and at most maxQueuedBytes");
		check(this.maxMessageSize >= 1024, "maxMessageSize must be at least 1024");
		EventSubSettings settings = new EventSubSettings(sessions, this.helixUri, this.clientId, this.tokenProvider,
				this.allowInsecure, this.dispatchExecutor, this.transport, this.connectTimeout, this.helixTimeout,
				this.subscribeTimeout, this.maxSessions, this.subscriptionsPerSession, this.subscriptionsPerSecond,
				this.reconnectInitialDelay, this.reconnectMaxDelay, this.maxQueuedBytes, perSubscription, this.overflow,
				this.maxMessageSize, this.dispatchDrainTimeout, this.listeners);
		EngineLoop engine = new EventLoop("eventsub-engine", new NamedThreadFactory("eventsub-engine"), ENGINE_INBOX,
				KEEP_ALIVE);
		EngineLoop notifications = new EventLoop("eventsub-notify", new NamedThreadFactory("eventsub-notify"),
				ENGINE_INBOX, KEEP_ALIVE);
		return new EventSubClient(settings, engine, notifications);
	}

	private URI withKeepalive(URI base) {
		Duration timeout = this.keepaliveTimeout;
		if (timeout == null) {
			return base;
		}
		long seconds = timeout.getSeconds();
		check(timeout.getNano() == 0 && seconds >= 10 && seconds <= 600,
				"keepaliveTimeout must be whole seconds from 10 to 600, was " + timeout);
		String text = base.toString();
		return URI.create(text + ((base.getRawQuery() == null) ? "?" : "&") + "keepalive_timeout_seconds=" + seconds);
	}

	private void checkHelix() {
		String scheme = (this.helixUri.getScheme() != null) ? this.helixUri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean encrypted = scheme.equals("https");
		boolean local = scheme.equals("http") && EndpointPolicy.isLoopback(this.helixUri.getHost());
		boolean insecure = scheme.equals("http") && this.allowInsecure;
		if (!encrypted && !local && !insecure) {
			throw new IllegalArgumentException("Helix URI " + EndpointPolicy.redacted(this.helixUri)
					+ ": tokens go only to https:// or to this machine (or allowInsecure(true))");
		}
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	private static Duration positive(Duration value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
		return value;
	}

}
