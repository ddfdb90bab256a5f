package io.github.twitchjvm.pubsub.test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubEndpoints;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import io.github.twitchjvm.pubsub.test.eventsub.HelixToken;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * A fake Twitch PubSub server with Twitch's OAuth endpoints, on {@code 127.0.0.1}. It
 * speaks the protocol as the real edge servers did (one RESPONSE per request, keys in the
 * real order, all-or-nothing LISTENs, scope and user checks, 50 topics per connection,
 * idle disconnects, {@code AUTH_REVOKED}) and fails on demand through {@link #faults()}.
 *
 * <pre>{@code
 * try (FakeTwitchServer server = FakeTwitchServer.start()) {
 *     server.accounts().registerUser("44322889", "dallas");
 *     IssuedToken token = server.accounts().issueToken("44322889", List.of("whispers:read"));
 *     // connect a client to server.pubSubUri() and LISTEN to whispers.44322889 with token.accessToken()
 *     server.publish("whispers.44322889", whisperJson);
 * }
 * }</pre>
 *
 * Starting takes about 0.3 s in a cold JVM and a few milliseconds after that; the server
 * uses three threads whatever the number of connections.
 */
public final class FakeTwitchServer implements AutoCloseable {

	private static final Duration BURST_TIMEOUT = Duration.ofMinutes(2);

	private final FakeServerSettings settings;

	private final TwitchAccounts accounts;

	private final Connections connections = new Connections();

	private final ServerFaults faults;

	private final StatsCounters stats = new StatsCounters();

	private final PubSubProtocol protocol;

	private final CrossSiteGuard crossSiteGuard;

	private final EventSubEndpoints eventSub;

	private final EventLoopGroup acceptors;

	private final EventLoopGroup workers;

	private final Channel pubSubChannel;

	private final @Nullable Channel controlChannel;

	private FakeTwitchServer(FakeServerSettings settings) {
		this.settings = settings;
		this.accounts = new TwitchAccounts(settings.tokenLifetime(), Clock.systemUTC());
		this.faults = new ServerFaults(this.connections, settings.reconnectGracePeriod());
		this.protocol = new PubSubProtocol(settings, this.accounts, this.connections, this.faults, this.stats);
		this.accounts.onRevoke(this.protocol::revoked);
		InetAddress address = resolve(settings.host());
		AllowedHosts allowedHosts = AllowedHosts.of(settings.host(), address, settings.allowedHosts());
		this.crossSiteGuard = new CrossSiteGuard(allowedHosts);
		this.eventSub = new EventSubEndpoints(settings.eventSub(), this::helixToken, settings.host(), this::port,
				allowedHosts::allow, settings.maxFramePayloadLength());
		this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("fake-twitch-accept", true),
				NioIoHandler.newFactory());
		this.workers = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("fake-twitch-io", true),
				NioIoHandler.newFactory());
		try {
			this.pubSubChannel = bind(address, settings.port(), "port", pubSubInitializer());
			this.controlChannel = (settings.controlPort() < 0) ? null
					: bind(address, settings.controlPort(), "controlPort", controlInitializer());
		}
		catch (RuntimeException ex) {
			shutdownEventLoops();
			throw ex;
		}
	}

	/**
	 * Starts a server with the {@linkplain FakeServerSettings#defaults() defaults} on
	 * free ports.
	 * @return the running server
	 */
	public static FakeTwitchServer start() {
		return start(FakeServerSettings.defaults());
	}

	/**
	 * Starts a server.
	 * @param settings how it behaves and where it listens
	 * @return the running server
	 * @throws IllegalStateException if a port cannot be bound (in use, or the host is not
	 * an address of this machine); the message names the setting
	 */
	public static FakeTwitchServer start(FakeServerSettings settings) {
		return new FakeTwitchServer(settings);
	}

	private static InetAddress resolve(String host) {
		InetSocketAddress address = new InetSocketAddress(host, 0);
		if (address.isUnresolved()) {
			throw new UnavailablePortException(host, "host", "unknown host", null);
		}
		return address.getAddress();
	}

	private Channel bind(InetAddress address, int port, String setting, ChannelInitializer<SocketChannel> initializer) {
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.acceptors, this.workers)
			.channel(NioServerSocketChannel.class)
			.option(ChannelOption.SO_REUSEADDR, true)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
			.childHandler(initializer);
		try {
			return bootstrap.bind(new InetSocketAddress(address, port)).sync().channel();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while binding port " + port, ex);
		}
		catch (Exception ex) {
			throw new UnavailablePortException(this.settings.host() + ":" + port, setting,
					String.valueOf(ex.getMessage()), ex);
		}
	}

	private ChannelInitializer<SocketChannel> pubSubInitializer() {
		OAuthEndpoints oauth = new OAuthEndpoints(this.accounts);
		WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
			.websocketPath("/")
			.maxFramePayloadLength(this.settings.maxFramePayloadLength())
			.handshakeTimeoutMillis(10_000)
			// Closing a channel must not add a close frame by itself: drop() has to be a
			// bare TCP reset.
			.sendCloseFrame(null)
			.build();
		return new ChannelInitializer<>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				if (FakeTwitchServer.this.faults.refusesConnections()) {
					channel.config().setSoLinger(0);
					channel.close();
					return;
				}
				// EventSub shares the port: its upgrade takes over connections to /ws,
				// Helix answers /helix/...
				channel.pipeline()
					.addLast(new HttpServerCodec())
					.addLast(new HttpObjectAggregator(64 * 1024))
					.addLast(FakeTwitchServer.this.eventSub.webSocketUpgrade())
					.addLast(new WebSocketServerProtocolHandler(webSocket))
					.addLast(new WebSocketFrameAggregator(FakeTwitchServer.this.settings.maxFramePayloadLength()))
					.addLast(new PubSubFrameHandler(FakeTwitchServer.this.protocol, FakeTwitchServer.this.connections))
					.addLast(FakeTwitchServer.this.crossSiteGuard)
					.addLast(FakeTwitchServer.this.eventSub.helix())
					.addLast(oauth);
			}
		};
	}

	private ChannelInitializer<SocketChannel> controlInitializer() {
		ControlEndpoints control = new ControlEndpoints(this);
		return new ChannelInitializer<>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				channel.pipeline()
					.addLast(new HttpServerCodec())
					.addLast(new HttpObjectAggregator(16 * 1024 * 1024))
					.addLast(FakeTwitchServer.this.crossSiteGuard)
					.addLast(control)
					.addLast(FakeTwitchServer.this.eventSub.controlEndpoints());
			}
		};
	}

	/**
	 * The PubSub WebSocket address, what a client uses instead of
	 * {@code wss://pubsub-edge.twitch.tv}.
	 * @return for example {@code ws://127.0.0.1:41234}
	 */
	public URI pubSubUri() {
		return URI.create("ws://" + this.settings.host() + ":" + port());
	}

	/**
	 * The base of the OAuth endpoints, what a client uses instead of
	 * {@code https://id.twitch.tv/oauth2}.
	 * @return for example {@code http://127.0.0.1:41234/oauth2}
	 */
	public URI oauthUri() {
		return URI.create("http://" + this.settings.host() + ":" + port() + "/oauth2");
	}

	/**
	 * The EventSub WebSocket address, what a client uses instead of
	 * {@code wss://eventsub.wss.twitch.tv/ws}; it takes
	 * {@code ?keepalive_timeout_seconds=10..600} like Twitch's.
	 * @return for example {@code ws://127.0.0.1:41234/ws}
	 */
	public URI eventSubUri() {
		return URI.create("ws://" + this.settings.host() + ":" + port() + "/ws");
	}

	/**
	 * The base of the Helix API, what a client uses instead of
	 * {@code https://api.twitch.tv/helix}; this server serves
	 * {@code /eventsub/subscriptions} under it.
	 * @return for example {@code http://127.0.0.1:41234/helix}
	 */
	public URI helixUri() {
		return URI.create("http://" + this.settings.host() + ":" + port() + "/helix");
	}

	/**
	 * The fake EventSub service: publish notifications, reconnect or close sessions,
	 * revoke subscriptions, make Helix fail, inspect sessions and subscriptions.
	 * @return the EventSub controls
	 */
	public FakeEventSub eventSub() {
		return this.eventSub.control();
	}

	/** What Helix knows of a token: only a valid one, from the same store as OAuth's. */
	private @Nullable HelixToken helixToken(String accessToken) {
		TwitchAccounts.TokenCheck check = this.accounts.check(accessToken);
		IssuedToken token = check.token();
		if (!check.isValid() || token == null) {
			return null;
		}
		return new HelixToken(token.clientId(), token.userId(), token.scopes());
	}

	/**
	 * The base of the HTTP control API.
	 * @return for example {@code http://127.0.0.1:41235}
	 * @throws IllegalStateException if the server runs without a control port
	 */
	public URI controlUri() {
		return URI.create("http://" + this.settings.host() + ":" + controlPort());
	}

	/**
	 * @return the port of the PubSub WebSocket and the OAuth endpoints
	 */
	public int port() {
		return ((InetSocketAddress) this.pubSubChannel.localAddress()).getPort();
	}

	/**
	 * @return the port of the HTTP control API
	 * @throws IllegalStateException if the server runs without one
	 */
	public int controlPort() {
		if (this.controlChannel == null) {
			throw new IllegalStateException("This server runs without a control port");
		}
		return ((InetSocketAddress) this.controlChannel.localAddress()).getPort();
	}

	/**
	 * @return the settings the server runs with
	 */
	public FakeServerSettings settings() {
		return this.settings;
	}

	/**
	 * The users, OAuth clients and tokens LISTENs are checked against.
	 * @return the accounts
	 */
	public TwitchAccounts accounts() {
		return this.accounts;
	}

	/**
	 * The failures the server produces on demand.
	 * @return the fault controls
	 */
	public ServerFaults faults() {
		return this.faults;
	}

	/**
	 * Publishes an inner message to every connection listening to the topic, as a MESSAGE
	 * frame whose {@code data.message} is the given text.
	 * @param topic the topic string
	 * @param message the inner message, usually JSON
	 * @return how many connections it was written to
	 */
	public int publish(String topic, String message) {
		Collection<ClientConnection> listeners = this.connections.listeners(topic);
		if (listeners.isEmpty()) {
			return 0;
		}
		ByteBuf frame = Unpooled.wrappedBuffer(ServerJson.message(topic, message).getBytes(StandardCharsets.UTF_8));
		int delivered = 0;
		try {
			for (ClientConnection connection : listeners) {
				if (connection.publish(new TextWebSocketFrame(frame.retainedDuplicate()),
						this.settings.slowConsumerLimit())) {
					delivered++;
				}
			}
		}
		finally {
			frame.release();
		}
		this.stats.messagesDelivered.add(delivered);
		return delivered;
	}

	/**
	 * Publishes a typed payload, encoded in the wire shape Twitch used on that topic.
	 * @param topic the topic
	 * @param payload the payload
	 * @return how many connections it was written to
	 */
	public int publish(Topic topic, PubSubPayload payload) {
		TopicType type = topic.type();
		String message = (type != null) ? PayloadCodec.standard().encode(type, payload)
				: PayloadCodec.standard().encode(payload);
		return publish(topic.value(), message);
	}

	/**
	 * Sends the same message {@code count} times to every connection listening to the
	 * topic, as fast as each socket takes them, and waits until all are written.
	 * @param topic the topic string
	 * @param count messages per connection
	 * @param message the inner message
	 * @return the server-side timing
	 * @throws IllegalStateException if a connection closes during the burst or it takes
	 * longer than 2 minutes
	 */
	public BurstResult burst(String topic, int count, String message) {
		return runBurst(topic, count, (connection) -> Burst.ofSameMessage(connection, count, topic, message));
	}

	/**
	 * Sends {@code count} messages, each made for its index, to every connection
	 * listening to the topic, as fast as each socket takes them, and waits until all are
	 * written.
	 * @param topic the topic string
	 * @param count messages per connection
	 * @param messages the inner message for each index from 0
	 * @return the server-side timing
	 * @throws IllegalStateException if a connection closes during the burst or it takes
	 * longer than 2 minutes
	 */
	public BurstResult burst(String topic, int count, IntFunction<String> messages) {
		return runBurst(topic, count, (connection) -> Burst.ofMessages(connection, count, topic, messages));
	}

	/**
	 * Starts a burst without waiting for it, for the control API, whose I/O thread may be
	 * the one that writes the burst.
	 */
	CompletableFuture<BurstResult> startBurst(String topic, int count, String message) {
		return startBurst(topic, count, (connection) -> Burst.ofSameMessage(connection, count, topic, message));
	}

	private BurstResult runBurst(String topic, int count, Function<ClientConnection, Burst> burst) {
		try {
			return startBurst(topic, count, burst).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the burst", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Burst to " + topic + " failed: " + reason(ex.getCause()), ex);
		}
	}

	static String reason(@Nullable Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "not written within " + BURST_TIMEOUT.toMinutes() + " minutes";
		}
		return (failure != null) ? String.valueOf(failure.getMessage()) : "unknown";
	}

	private CompletableFuture<BurstResult> startBurst(String topic, int count,
			Function<ClientConnection, Burst> burst) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive");
		}
		List<CompletableFuture<Burst>> running = new ArrayList<>();
		for (ClientConnection connection : this.connections.listeners(topic)) {
			running.add(burst.apply(connection).start());
		}
		return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
			.orTimeout(BURST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.thenApply((done) -> {
				List<Burst> bursts = running.stream().map(CompletableFuture::join).toList();
				long bytes = bursts.stream().mapToLong(Burst::bytes).sum();
				long start = bursts.stream().mapToLong(Burst::startNanos).min().orElse(0);
				long end = bursts.stream().mapToLong(Burst::endNanos).max().orElse(0);
				this.stats.messagesDelivered.add((long) count * bursts.size());
				return new BurstResult(topic, count, bursts.size(), bytes, Duration.ofNanos(end - start));
			});
	}

	/**
	 * The open connections.
	 * @return one entry per connection, oldest first
	 */
	public List<ConnectionInfo> connections() {
		return this.connections.all()
			.stream()
			.map(ClientConnection::info)
			.sorted(Comparator.comparing(ConnectionInfo::connectedAt).thenComparing(ConnectionInfo::id))
			.toList();
	}

	/**
	 * The frames clients sent since the start or the last {@link #reset()}, tokens
	 * masked.
	 * @return the frames of the open connections, in arrival order per connection
	 */
	public List<ReceivedFrame> receivedFrames() {
		return this.connections.all()
			.stream()
			.flatMap((connection) -> connection.frames().stream())
			.sorted(Comparator.comparing(ReceivedFrame::receivedAt))
			.toList();
	}

	/**
	 * The counters since the start or the last {@link #reset()}.
	 * @return the counters
	 */
	public ServerStats stats() {
		return this.stats.snapshot(this.connections.size());
	}

	/**
	 * Clears faults (EventSub's Helix failures and rate limits too), counters and
	 * recorded frames between tests. Users, tokens, connections and EventSub sessions and
	 * subscriptions stay.
	 */
	public void reset() {
		this.faults.clear();
		this.eventSub.control().reset();
		this.stats.reset();
		this.connections.all().forEach(ClientConnection::clearFrames);
	}

	/**
	 * Closes every connection without a close frame and stops the server.
	 */
	@Override
	public void close() {
		this.pubSubChannel.close().syncUninterruptibly();
		if (this.controlChannel != null) {
			this.controlChannel.close().syncUninterruptibly();
		}
		this.connections.all().forEach(ClientConnection::drop);
		this.eventSub.dropAll();
		shutdownEventLoops();
	}

	private void shutdownEventLoops() {
		this.acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
		this.workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
		this.acceptors.terminationFuture().syncUninterruptibly();
		this.workers.terminationFuture().syncUninterruptibly();
	}

	@Override
	public String toString() {
		return "FakeTwitchServer[" + pubSubUri() + "]";
	}

}
