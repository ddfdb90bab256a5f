package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.core.dispatch.OverflowPolicy;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EventLoop;
import io.github.twitchjvm.core.engine.NamedThreadFactory;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.core.transport.JdkWebSocketTransport;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link PubSubClient}. Every value starts at the reference client's or Twitch's
 * default; {@link #build()} checks them all and names what is wrong
 * ({@link InvalidSettingException}).
 */
public final class PubSubClientBuilder {

	private static final Logger logger = LoggerFactory.getLogger(PubSubClient.class);

	/**
	 * Tasks waiting for the engine: far more than a flood of topics and socket events,
	 * far less than a heap.
	 */
	private static final int ENGINE_INBOX = 100_000;

	/** Notifications waiting for the listeners. */
	private static final int NOTIFICATION_INBOX = 100_000;

	/** How long an idle loop's thread waits for work before it ends. */
	private static final Duration KEEP_ALIVE = Duration.ofMillis(200);

	private URI uri = PubSubClient.TWITCH_PUBSUB_URI;

	private boolean allowInsecure;

	private @Nullable TwitchTokenProvider tokenProvider;

	private @Nullable Executor dispatchExecutor;

	private @Nullable WebSocketTransport transport;

	private Duration pingFrequency = Duration.ofSeconds(120);

	private Duration pingJitter = Duration.ofSeconds(4);

	private Duration pongTimeout = Duration.ofSeconds(10);

	private Duration listenConfirmTimeout = Duration.ofSeconds(30);

	private Duration connectTimeout = Duration.ofSeconds(10);

	private int topicsPerConnection = 50;

	private int maxConnections = 10;

	private Duration reconnectInitialDelay = Duration.ofSeconds(1);

	private Duration reconnectMaxDelay = Duration.ofSeconds(120);

	private Duration stablePeriod = Duration.ofSeconds(60);

	private int listensPerSecond = 50;

	private long maxQueuedBytes = defaultMaxQueuedBytes();

	/** {@code null}: half of {@link #maxQueuedBytes}. */
	private @Nullable Long maxQueuedBytesPerSubscription;

	private OverflowPolicy overflow = OverflowPolicy.DROP_OLDEST;

	private int maxMessageSize = 1024 * 1024;

	private int serverErrorRetries = 3;

	private Duration handoverSettle = Duration.ofSeconds(1);

	private Duration dispatchDrainTimeout = Duration.ofSeconds(5);

	private final List<PubSubListener> listeners = new ArrayList<>();

	private @Nullable EngineLoop engineLoop;

	private @Nullable EngineLoop notificationLoop;

	PubSubClientBuilder() {
	}

	/**
	 * @param uri the PubSub server, {@code wss://pubsub-edge.twitch.tv} by default; a
	 * {@code wss://} URL, or {@code ws://} to a loopback host ({@code localhost},
	 * {@code 127.0.0.0/8}, {@code [::1]}) unless {@link #allowInsecure} (the client sends
	 * tokens there)
	 * @return this builder
	 */
	public PubSubClientBuilder uri(URI uri) {
		this.uri = Objects.requireNonNull(uri, "uri");
		return this;
	}

	/**
	 * Allows a {@code ws://} URI to a host other than the local machine: tokens then
	 * travel in clear, so building such a client logs a warning naming the host.
	 * @param allowInsecure whether to allow it; {@code false} by default
	 * @return this builder
	 */
	public PubSubClientBuilder allowInsecure(boolean allowInsecure) {
		this.allowInsecure = allowInsecure;
		return this;
	}

	/**
	 * @param tokenProvider where tokens come from; required
	 * @return this builder
	 */
	public PubSubClientBuilder tokenProvider(TwitchTokenProvider tokenProvider) {
		this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
		return this;
	}

	/**
	 * @param token one token for every topic; the same as
	 * {@code tokenProvider(StaticTokenProvider.of(token))}
	 * @return this builder
	 */
	public PubSubClientBuilder accessToken(String token) {
		return tokenProvider(StaticTokenProvider.of(token));
	}

	/**
	 * Chooses where handlers run. Each subscription still gets its messages in order, one
	 * at a time, whatever the executor. {@code Runnable::run} runs handlers on the
	 * socket's reading thread: the lowest latency (no thread hand-off per message), for
	 * fast handlers that never block only, because a slow handler then stops the socket
	 * from reading and Twitch disconnects a client that stops reading.
	 * @param dispatchExecutor where handlers run; by default a pool of one daemon thread
	 * per core that the client owns and shuts down (an executor given here is never shut
	 * down by the client)
	 * @return this builder
	 */
	public PubSubClientBuilder dispatchExecutor(Executor dispatchExecutor) {
		this.dispatchExecutor = Objects.requireNonNull(dispatchExecutor, "dispatchExecutor");
		return this;
	}

	/**
	 * Chooses the WebSocket library. By default the client uses the JDK's own
	 * {@code java.net.http.WebSocket} ({@link JdkWebSocketTransport}), which needs no
	 * dependency; the Spring Boot integration adapts Spring's {@code WebSocketClient}.
	 * Whatever the transport, messages up to {@link #maxMessageSize} arrive whole.
	 * @param transport the transport; the client never closes a transport given here
	 * @return this builder
	 */
	public PubSubClientBuilder transport(WebSocketTransport transport) {
		this.transport = Objects.requireNonNull(transport, "transport");
		return this;
	}

	/**
	 * @param pingFrequency how often each socket sends PING, 120 s by default; must be
	 * above 12 s plus the jitter and below Twitch's 5 minutes
	 * @return this builder
	 */
	public PubSubClientBuilder pingFrequency(Duration pingFrequency) {
		this.pingFrequency = pingFrequency;
		return this;
	}

	/**
	 * @param pingJitter the most a PING is moved earlier or later, 4 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder pingJitter(Duration pingJitter) {
		this.pingJitter = pingJitter;
		return this;
	}

	/**
	 * @param pongTimeout how long to wait for PONG before reconnecting, 10 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder pongTimeout(Duration pongTimeout) {
		this.pongTimeout = pongTimeout;
		return this;
	}

	/**
	 * @param listenConfirmTimeout how long to wait for a LISTEN's RESPONSE, 30 s by
	 * default
	 * @return this builder
	 */
	public PubSubClientBuilder listenConfirmTimeout(Duration listenConfirmTimeout) {
		this.listenConfirmTimeout = listenConfirmTimeout;
		return this;
	}

	/**
	 * @param connectTimeout how long connecting a socket (TCP, TLS and the WebSocket
	 * handshake) may take before the attempt counts as failed and is retried with
	 * backoff; 10 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * @param topicsPerConnection topics per socket, 50 by default (Twitch's limit)
	 * @return this builder
	 */
	public PubSubClientBuilder topicsPerConnection(int topicsPerConnection) {
		this.topicsPerConnection = topicsPerConnection;
		return this;
	}

	/**
	 * @param maxConnections sockets at most, 10 by default (Twitch's recommendation per
	 * IP)
	 * @return this builder
	 */
	public PubSubClientBuilder maxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * @param initialDelay the first reconnect delay, 1 s by default; it doubles per
	 * failed attempt
	 * @param maxDelay the longest reconnect delay, 120 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder reconnectBackoff(Duration initialDelay, Duration maxDelay) {
		this.reconnectInitialDelay = initialDelay;
		this.reconnectMaxDelay = maxDelay;
		return this;
	}

	/**
	 * @param stablePeriod how long a socket must stay open before the backoff starts
	 * again from the initial delay, 60 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder stablePeriod(Duration stablePeriod) {
		this.stablePeriod = stablePeriod;
		return this;
	}

	/**
	 * @param listensPerSecond the pace of LISTEN requests over all sockets, 50 per second
	 * by default, with a second's worth allowed at once
	 * @return this builder
	 */
	public PubSubClientBuilder listensPerSecond(int listensPerSecond) {
		this.listensPerSecond = listensPerSecond;
		return this;
	}

	/**
	 * What the messages waiting for handlers may take, in all subscriptions together,
	 * before the {@link #overflow(OverflowPolicy) overflow policy} applies. A message
	 * counts as its characters plus 128 bytes. The default, a quarter of the JVM's
	 * maximum heap and at most 256 MiB, holds a burst of 100,000 messages of 1 KB whole;
	 * it must be at least 1 MiB and at most the heap.
	 * @param maxQueuedBytes the bound in bytes
	 * @return this builder
	 */
	public PubSubClientBuilder maxQueuedBytes(long maxQueuedBytes) {
		this.maxQueuedBytes = maxQueuedBytes;
		return this;
	}

	/**
	 * What the messages waiting for one subscription's handler may take, so that one slow
	 * handler leaves room for the others; half of {@link #maxQueuedBytes(long)} by
	 * default. It must hold the largest message ({@link #maxMessageSize(int)} plus 128).
	 * @param maxQueuedBytesPerSubscription the bound in bytes
	 * @return this builder
	 */
	public PubSubClientBuilder maxQueuedBytesPerSubscription(long maxQueuedBytesPerSubscription) {
		this.maxQueuedBytesPerSubscription = maxQueuedBytesPerSubscription;
		return this;
	}

	/**
	 * What happens when handlers fall behind by more than the bounds:
	 * {@link OverflowPolicy#DROP_OLDEST} (the default) drops a subscription's oldest
	 * messages, counted and logged; {@link OverflowPolicy#PAUSE_READING} stops reading
	 * until the handlers caught up to half the bounds, which keeps every message the
	 * server still sends, but Twitch closes sockets whose reader stays behind.
	 * @param overflow the policy
	 * @return this builder
	 */
	public PubSubClientBuilder overflow(OverflowPolicy overflow) {
		this.overflow = Objects.requireNonNull(overflow, "overflow");
		return this;
	}

	/**
	 * @param maxMessageSize the largest frame accepted, in characters, 1 MiB by default
	 * @return this builder
	 */
	public PubSubClientBuilder maxMessageSize(int maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
		return this;
	}

	/**
	 * @param serverErrorRetries how often a LISTEN answered with {@code ERR_SERVER} (or a
	 * re-listen that timed out) is retried, with growing delays, before the topic fails;
	 * 3 by default
	 * @return this builder
	 */
	public PubSubClientBuilder serverErrorRetries(int serverErrorRetries) {
		this.serverErrorRetries = serverErrorRetries;
		return this;
	}

	/**
	 * @param handoverSettle after a RECONNECT, how long the old socket stays open once
	 * the replacement confirmed every topic, for frames still on their way; 1 s by
	 * default
	 * @return this builder
	 */
	public PubSubClientBuilder handoverSettle(Duration handoverSettle) {
		this.handoverSettle = handoverSettle;
		return this;
	}

	/**
	 * @param dispatchDrainTimeout how long {@link PubSubClient#stop()} lets queued
	 * deliveries run (on the client's own executor, or on one it was given, which it
	 * waits for but never shuts down) before it drops what is left; 5 s by default
	 * @return this builder
	 */
	public PubSubClientBuilder dispatchDrainTimeout(Duration dispatchDrainTimeout) {
		this.dispatchDrainTimeout = dispatchDrainTimeout;
		return this;
	}

	/**
	 * @param listener told about connection and topic state changes
	 * @return this builder
	 */
	public PubSubClientBuilder listener(PubSubListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
		return this;
	}

	/**
	 * Checks every setting without building a client, for integrations that bind settings
	 * from elsewhere.
	 * @throws InvalidSettingException naming the first setting outside what works, and
	 * what would
	 */
	public void validate() {
		SettingRules.checkEndpoint(this.uri, this.allowInsecure);
		SettingRules.check(this.pingFrequency, this.pingJitter, this.pongTimeout, this.listenConfirmTimeout,
				this.connectTimeout, this.topicsPerConnection, this.maxConnections, this.reconnectInitialDelay,
				this.reconnectMaxDelay, this.stablePeriod, this.listensPerSecond, this.maxQueuedBytes,
				perSubscription(), this.maxMessageSize, this.serverErrorRetries, this.handoverSettle,
				this.dispatchDrainTimeout);
	}

	private long perSubscription() {
		Long chosen = this.maxQueuedBytesPerSubscription;
		return (chosen != null) ? chosen
				: Math.max(this.maxQueuedBytes / 2, (long) this.maxMessageSize + Subscription.MESSAGE_OVERHEAD);
	}

	/** A quarter of the heap, at least 4 MiB and at most 256 MiB. */
	static long defaultMaxQueuedBytes() {
		long quarter = Runtime.getRuntime().maxMemory() / 4;
		return Math.max(4L << 20, Math.min(256L << 20, quarter));
	}

	/**
	 * For the engine's unit tests: a loop the test drives by hand, for the engine and the
	 * listeners.
	 */
	PubSubClientBuilder loops(EngineLoop engine, EngineLoop notifications) {
		this.engineLoop = engine;
		this.notificationLoop = notifications;
		return this;
	}

	/**
	 * @return the client, not started
	 * @throws InvalidSettingException if a setting is impossible (for example a ping
	 * frequency not above 12 s plus the jitter)
	 * @throws IllegalStateException if no token provider was set
	 */
	public PubSubClient build() {
		if (this.tokenProvider == null) {
			throw new IllegalStateException(
					"A token provider is required: call tokenProvider(...) or accessToken(...)");
		}
		if (SettingRules.checkEndpoint(this.uri, this.allowInsecure) == EndpointPolicy.Verdict.INSECURE_ALLOWED) {
			logger.warn("PubSub client connects to {} over ws:// (allowInsecure): tokens travel in clear",
					LogText.safe(this.uri.getHost()));
		}
		ClientSettings settings = new ClientSettings(this.uri, this.tokenProvider, this.dispatchExecutor,
				this.transport, this.pingFrequency, this.pingJitter, this.pongTimeout, this.listenConfirmTimeout,
				this.connectTimeout, this.topicsPerConnection, this.maxConnections, this.reconnectInitialDelay,
				this.reconnectMaxDelay, this.stablePeriod, this.listensPerSecond, this.maxQueuedBytes,
				perSubscription(), this.overflow, this.maxMessageSize, this.serverErrorRetries, this.handoverSettle,
				this.dispatchDrainTimeout, this.listeners);
		EngineLoop engine = (this.engineLoop != null) ? this.engineLoop
				: new EventLoop("pubsub-engine", new NamedThreadFactory("pubsub-engine"), ENGINE_INBOX, KEEP_ALIVE);
		EngineLoop notifications = (this.notificationLoop != null) ? this.notificationLoop : new EventLoop(
				"pubsub-notify", new NamedThreadFactory("pubsub-notify"), NOTIFICATION_INBOX, KEEP_ALIVE);
		return new PubSubClient(settings, engine, notifications);
	}

}
