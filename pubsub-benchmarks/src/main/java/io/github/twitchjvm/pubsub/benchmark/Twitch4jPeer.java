package io.github.twitchjvm.pubsub.benchmark;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.github.philippheuer.credentialmanager.domain.OAuth2Credential;
import com.github.philippheuer.events4j.core.EventManager;
import com.github.philippheuer.events4j.simple.SimpleEventHandler;
import com.github.twitch4j.client.websocket.WebsocketConnection;
import com.github.twitch4j.client.websocket.domain.WebsocketConnectionState;
import com.github.twitch4j.common.events.user.PrivateMessageEvent;
import com.github.twitch4j.common.util.EventManagerUtils;
import com.github.twitch4j.common.util.ThreadUtils;
import com.github.twitch4j.pubsub.TwitchPubSub;
import com.github.twitch4j.pubsub.events.PubSubConnectionStateEvent;
import com.github.twitch4j.pubsub.events.PubSubListenResponseEvent;
import org.jspecify.annotations.Nullable;

/**
 * Twitch4J 1.25.0 as a peer, pointed at the fake server: its own WebSocket
 * (nv-websocket-client), its parsing of each frame and of the whisper into its typed
 * event ({@link PrivateMessageEvent}, from its whispers topic handler) and its
 * {@link EventManager}'s dispatch to a consumer that counts, as an application would
 * listen with {@code listenForWhisperEvents}. Nothing of that pipeline is bypassed; only
 * the server's URL is the benchmark's (see {@link PointedPubSub}). Twitch4J deprecated
 * its PubSub module with Twitch's PubSub, hence the suppressed deprecation warnings; the
 * fake server still speaks it.
 */
@SuppressWarnings("deprecation")
final class Twitch4jPeer implements Receiver {

	static final String NAME = "Twitch4J 1.25.0, typed whisper event";

	/** The name of the task pool, whose threads Twitch4J's builder would name alike. */
	private static final String POOL = "twitch4j-pubsub-benchmark";

	/**
	 * nv-websocket-client's threads: it reads each socket on a thread of its own and
	 * dispatches Twitch4J's events there.
	 */
	private static final Set<String> SOCKET_THREADS = Set.of("ReadingThread", "WritingThread", "ConnectThread",
			"FinishThread", "PingSender", "PongSender");

	private final LongAdder whispers = new LongAdder();

	private final ScheduledThreadPoolExecutor pool;

	private final EventManager events;

	private final PointedPubSub pubSub;

	private Twitch4jPeer(ScheduledThreadPoolExecutor pool, EventManager events, PointedPubSub pubSub) {
		this.pool = pool;
		this.events = events;
		this.pubSub = pubSub;
	}

	/**
	 * Connects, listens to the user's whispers and returns once the server has answered
	 * the LISTEN.
	 */
	static Twitch4jPeer listen(URI uri, String userId, String token) throws Exception {
		// What TwitchPubSubBuilder.build() makes: a one-thread task pool and an event
		// manager with the simple (synchronous) handler as its default.
		ScheduledThreadPoolExecutor pool = ThreadUtils.getDefaultScheduledThreadPoolExecutor(POOL,
				TwitchPubSub.REQUIRED_THREAD_COUNT);
		EventManager events = EventManagerUtils.initializeEventManager(SimpleEventHandler.class);
		Callbacks callbacks = new Callbacks(events);
		// The connection TwitchPubSub would make for itself, with the builder's defaults
		// (15 s WebSocket pings, 1 s close delay), to the fake server's URL.
		WebsocketConnection connection = new WebsocketConnection((spec) -> spec.baseUrl(uri.toString())
			.closeDelay(1_000)
			.wsPingPeriod(15_000)
			.taskExecutor(pool)
			.onStateChanged(callbacks::stateChanged)
			.onPreConnect(callbacks::preConnect)
			.onConnected(callbacks::connected)
			.onTextMessage(callbacks::text)
			.onPostDisconnect(callbacks::postDisconnect));
		PointedPubSub pubSub = new PointedPubSub(connection, events, pool);
		callbacks.target = pubSub;
		Twitch4jPeer peer = new Twitch4jPeer(pool, events, pubSub);
		try {
			events.onEvent(PrivateMessageEvent.class, (whisper) -> peer.whispers.increment());
			CompletableFuture<Void> listening = new CompletableFuture<>();
			// The only LISTEN this peer sends: its answer is the response that Twitch4J
			// matches (by nonce) to a request it holds.
			events.onEvent(PubSubListenResponseEvent.class, (response) -> {
				if (response.getListenRequest().isEmpty()) {
					return;
				}
				if (response.hasError()) {
					listening.completeExceptionally(new IllegalStateException("LISTEN failed: " + response.getError()));
				}
				else {
					listening.complete(null);
				}
			});
			pubSub.listenForWhisperEvents(new OAuth2Credential("twitch", token), userId);
			listening.get(10, TimeUnit.SECONDS);
			return peer;
		}
		catch (Exception ex) {
			peer.close();
			throw ex;
		}
	}

	/** Whether a thread is one of Twitch4J's (its task pool, its sockets'). */
	static boolean ownsThread(String name) {
		return name.startsWith(POOL) || SOCKET_THREADS.contains(name);
	}

	@Override
	public long received() {
		return this.whispers.sum();
	}

	@Override
	public long cpuNanos() {
		return ThreadCpu.nanos(Twitch4jPeer::ownsThread);
	}

	@Override
	public long allocatedBytes() {
		return ThreadCpu.allocatedBytes(Twitch4jPeer::ownsThread);
	}

	@Override
	public String cpuScope() {
		return "Twitch4J: the threads of its task pool (`" + POOL + "-*`) and of nv-websocket-client ("
				+ String.join(", ", SOCKET_THREADS.stream().sorted().toList())
				+ "); it parses and dispatches on `ReadingThread`";
	}

	/**
	 * Closes Twitch4J (its connection), stops its task pool, which it leaves running, and
	 * waits until its threads have ended, so that none of them runs into a later
	 * measurement.
	 */
	@Override
	public void close() {
		this.pubSub.close();
		this.pool.shutdownNow();
		this.events.close();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		try {
			this.pool.awaitTermination(10, TimeUnit.SECONDS);
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (ownsThread(thread.getName())) {
					thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The connection's callbacks, which reach the PubSub once it exists. TwitchPubSub's
	 * constructor connects at once, so the first connection's {@code onPreConnect} and
	 * {@code onConnected} can come before it returns: they find no target then, and have
	 * nothing to do (no topic is listened yet to be listened again, the ping clocks were
	 * just set).
	 */
	private static final class Callbacks {

		private final EventManager events;

		private volatile @Nullable PointedPubSub target;

		Callbacks(EventManager events) {
			this.events = events;
		}

		void stateChanged(WebsocketConnectionState previous, WebsocketConnectionState state) {
			PointedPubSub pubSub = this.target;
			if (pubSub != null) {
				this.events.publish(new PubSubConnectionStateEvent(previous, state, pubSub));
			}
		}

		void preConnect() {
			PointedPubSub pubSub = this.target;
			if (pubSub != null) {
				pubSub.preConnect();
			}
		}

		void connected() {
			PointedPubSub pubSub = this.target;
			if (pubSub != null) {
				pubSub.connected();
			}
		}

		void text(String frame) {
			PointedPubSub pubSub = this.target;
			if (pubSub != null) {
				pubSub.text(frame);
			}
		}

		void postDisconnect() {
			PointedPubSub pubSub = this.target;
			if (pubSub != null) {
				pubSub.clearCommands();
			}
		}

	}

	/**
	 * TwitchPubSub on a connection of the benchmark's making. Twitch4J connects to a
	 * constant URL unless given a connection; its builder's way to pass one
	 * ({@code withWebsocketConnection}) is protected, and its public constructor takes
	 * the connection as it is, without hooking its own handlers to it (the callbacks it
	 * would register are private lambdas). This subclass lets the connection's callbacks
	 * reach those handlers, which are protected: the same calls, in the same order, as
	 * TwitchPubSub registers on the connection it makes itself.
	 */
	private static final class PointedPubSub extends TwitchPubSub {

		PointedPubSub(WebsocketConnection connection, EventManager events, ScheduledThreadPoolExecutor pool) {
			// The builder's defaults: no proxy, no bot owner, 15 s pings, default
			// backoff,
			// 1 s close delay, the default fallback handler; those about the connection
			// apply only to one it makes itself.
			super(connection, events, pool, null, new HashSet<>(), 15_000, null, 1_000, null);
		}

		void preConnect() {
			onPreConnect();
		}

		void connected() {
			onConnected();
		}

		void text(String frame) {
			onTextMessage(frame);
		}

		void clearCommands() {
			this.commandQueue.clear();
		}

	}

}
