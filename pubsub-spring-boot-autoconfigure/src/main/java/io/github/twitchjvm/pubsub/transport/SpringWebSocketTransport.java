package io.github.twitchjvm.pubsub.transport;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import io.github.twitchjvm.core.transport.CloseCodes;
import io.github.twitchjvm.core.transport.ConnectOptions;
import io.github.twitchjvm.core.transport.EndpointPolicy;
import io.github.twitchjvm.core.transport.RedirectNotFollowedException;
import io.github.twitchjvm.core.transport.TextAssembler;
import io.github.twitchjvm.core.transport.WebSocketConnection;
import io.github.twitchjvm.core.transport.WebSocketListener;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.WsSession;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * A {@link WebSocketTransport} over Spring's {@link WebSocketClient}, so that a client
 * can connect through the WebSocket client (and JSR-356 container) an application already
 * has. Like every transport it never blocks the calling thread:
 * <ul>
 * <li>Connecting is Spring's
 * {@link WebSocketClient#execute(WebSocketHandler, WebSocketHttpHeaders, URI)}, which
 * connects on the client's own task executor. An attempt that outlasts
 * {@link ConnectOptions#connectTimeout()} (TCP, TLS and the handshake together) fails
 * with a {@link TimeoutException}; a session that still arrives afterwards is closed at
 * once. On a client of its own ({@link #overTomcat()}) the transport also stops the
 * handshake itself: the connecting thread is interrupted, and Tomcat closes the
 * socket.</li>
 * <li>Redirects are never followed: Tomcat's container follows up to 20 by default, to
 * any host and from {@code wss://} to {@code ws://}, so the transport sets its limit to 0
 * (see {@link #of(WebSocketClient)}), and the attempt fails with a
 * {@link RedirectNotFollowedException} naming the location.</li>
 * <li>Tomcat reads a handshake's response headers without any size limit. Over
 * {@code wss://} a client of its own fails a handshake once the server sent more than 64
 * KiB before the session opened (its TLS engine counts). Over {@code ws://} (loopback
 * hosts only, unless insecure connections are allowed) and over an application's client
 * only the deadline bounds it.</li>
 * <li>Messages are taken in parts ({@link WebSocketHandler#supportsPartialMessages()})
 * and put together up to {@link ConnectOptions#maxMessageSize()} by core's
 * {@link TextAssembler}, so the container's own message buffer can stay small whatever
 * the largest message is.</li>
 * <li>On a JSR-356 session (Spring's {@link StandardWebSocketClient}, over any container)
 * a message is sent with the container's asynchronous API. Other sessions (a SockJS
 * client, a decorated session) only offer Spring's blocking
 * {@link WebSocketSession#sendMessage}: they send, one message at a time per connection,
 * on a small pool of this transport's own daemon threads ({@code pubsub-ws-send}: no more
 * threads than connections busy sending, idle ones end), so that the caller still returns
 * at once. Closing a session may block on its close frame, so it goes there too.</li>
 * </ul>
 *
 * <p>
 * A transport over a client the application gave ({@link #of(WebSocketClient)}) never
 * stops that client and changes nothing of it but Tomcat's redirect limit.
 * {@link #overTomcat()} creates a client of its own over Tomcat's JSR-356 container, with
 * small buffers (8 K characters of text, 8 KB read at a time), and destroys it on
 * {@link #close()}.
 */
public final class SpringWebSocketTransport implements WebSocketTransport {

	/**
	 * Tomcat's text buffer of an owned container, per connection: most PubSub messages
	 * fit it whole and take the path without a copy; larger ones arrive in parts and are
	 * put together up to the connection's size limit.
	 */
	static final int TEXT_BUFFER_CHARACTERS = 8 * 1024;

	/**
	 * Tomcat's binary buffer of an owned container, per connection. PubSub sends no
	 * binary message, but Tomcat's client reads the socket into a buffer of this size
	 * too, and decodes text through one: at 1 KB a whisper of about 1 KB took one and a
	 * half socket reads, each a system call and often a hand-off between Tomcat's I/O
	 * threads, which doubled the client's CPU per message (issue 13). 8 KB, Tomcat's
	 * default and the size of the input buffer it allocates anyway, takes several
	 * messages per read. Over TLS, Tomcat grows the read buffer to a TLS record's size
	 * (about 16 KB) when one does not fit.
	 */
	static final int READ_BUFFER_BYTES = 8 * 1024;

	/**
	 * Whether JSR-356's API is there: without it, every session sends on this transport's
	 * threads.
	 */
	private static final boolean JSR_356_PRESENT = ClassUtils.isPresent("jakarta.websocket.Session",
			SpringWebSocketTransport.class.getClassLoader());

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent("org.apache.tomcat.websocket.WsSession",
			SpringWebSocketTransport.class.getClassLoader());

	/**
	 * Tomcat's user property for how many redirects its client follows (20 by default); a
	 * name, not Tomcat's constant, so that other containers need no Tomcat.
	 */
	static final String TOMCAT_MAX_REDIRECTIONS = "org.apache.tomcat.websocket.MAX_REDIRECTIONS";

	/** How Tomcat's message starts when it refuses a redirect, the location follows. */
	private static final String TOMCAT_REDIRECT_REFUSED = "Cyclic Location header [";

	private final WebSocketClient client;

	/** The connecting threads of a client of our own, watched; none otherwise. */
	private final @Nullable WatchedConnects watched;

	private final @Nullable Runnable release;

	/** Blocking sends and closes; threads only exist while there is work. */
	private final ExecutorService blocking;

	private final Set<Connection> open = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	private SpringWebSocketTransport(WebSocketClient client, @Nullable WatchedConnects watched,
			@Nullable Runnable release) {
		this.client = client;
		this.watched = watched;
		this.release = release;
		this.blocking = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				daemonThreads("pubsub-ws-send-"));
	}

	/**
	 * Creates a transport over a client the application configured (its container, TLS,
	 * proxies). The transport never stops the client, and changes one setting only: on a
	 * {@link StandardWebSocketClient}, Tomcat's redirect limit (the user property
	 * {@value #TOMCAT_MAX_REDIRECTIONS}) becomes 0, because Tomcat's container follows up
	 * to 20 redirects by default, to any host, and the client would send its tokens
	 * there. Other containers keep their own policy (Jetty's and the JDK's follow none).
	 * @param client the client, such as a {@link StandardWebSocketClient}
	 * @return the transport
	 */
	public static SpringWebSocketTransport of(WebSocketClient client) {
		if (client instanceof StandardWebSocketClient standard) {
			standard.getUserProperties().put(TOMCAT_MAX_REDIRECTIONS, "0");
		}
		return new SpringWebSocketTransport(client, null, null);
	}

	/**
	 * Creates a transport with a client of its own: Spring's
	 * {@link StandardWebSocketClient} over a Tomcat {@code WsWebSocketContainer} with an
	 * 8 K characters text buffer and an 8 KB read buffer per connection, connecting on at
	 * most four threads of its own. {@link #close()} destroys the container and ends
	 * those threads. Needs {@code tomcat-embed-websocket} on the class path.
	 * @return the transport
	 */
	public static SpringWebSocketTransport overTomcat() {
		return TomcatClient.create(null);
	}

	/**
	 * Creates a transport with a client of its own, as {@link #overTomcat()}, that
	 * connects to {@code wss://} servers with the given TLS context (its trust store, its
	 * protocols).
	 * @param tls an initialised TLS context
	 * @return the transport
	 */
	public static SpringWebSocketTransport overTomcat(SSLContext tls) {
		return TomcatClient.create(tls);
	}

	@Override
	public CompletableFuture<WebSocketConnection> connect(URI uri, ConnectOptions options, WebSocketListener listener) {
		if (this.closed) {
			return CompletableFuture.failedFuture(new IllegalStateException("The transport is closed"));
		}
		CompletableFuture<WebSocketConnection> connected = new CompletableFuture<>();
		WatchedConnects watching = this.watched;
		WatchedConnects.Attempt attempt = (watching != null) ? watching.watch(connected) : null;
		Handler handler = new Handler(listener, options.maxMessageSize(), attempt);
		CompletableFuture<WebSocketSession> handshake;
		try {
			handshake = (watching != null && attempt != null)
					? watching.submitting(attempt, () -> this.client.execute(handler, new WebSocketHttpHeaders(), uri))
					: this.client.execute(handler, new WebSocketHttpHeaders(), uri);
		}
		catch (RuntimeException ex) {
			connected.completeExceptionally(ex);
			return connected;
		}
		handshake.whenComplete((session, error) -> {
			if (error != null) {
				connected.completeExceptionally(explained(unwrap(error)));
				return;
			}
			Connection connection = new Connection(session, this);
			if (this.closed) {
				// Closed during the handshake: this runs on the client's connecting
				// thread, which may block.
				connected.completeExceptionally(new IllegalStateException("The transport is closed"));
				connection.closeNow(CloseStatus.GOING_AWAY);
				return;
			}
			this.open.add(connection);
			handler.connection = connection;
			if (handler.ended.get()) {
				this.open.remove(connection);
			}
			if (!connected.complete(connection)) {
				// Nobody waits for it any more (timed out, cancelled): the caller cannot
				// close it, so this does.
				connection.close(CloseCodes.GOING_AWAY, "");
			}
		});
		Duration timeout = options.connectTimeout();
		CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
			.execute(() -> connected.completeExceptionally(new TimeoutException(
					"Connecting to " + EndpointPolicy.redacted(uri) + " took longer than " + timeout)));
		// The handshake itself is not cancelled (a client of our own has its thread
		// interrupted, see WatchedConnects): its session, should it still come, must be
		// there to be closed.
		connected.whenComplete((connection, error) -> {
			if (error != null) {
				// A listener whose connection attempt failed hears nothing from a session
				// that comes late.
				handler.abandoned = true;
			}
		});
		return connected;
	}

	/**
	 * Aborts the connections still open and releases this transport's threads; a client
	 * of its own ({@link #overTomcat()}) is destroyed, one the application gave is left
	 * alone.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		for (Connection connection : this.open) {
			connection.abort();
		}
		this.open.clear();
		// Lets the closes just queued finish; the threads end afterwards.
		this.blocking.shutdown();
		if (this.release != null) {
			this.release.run();
		}
	}

	@Override
	public String toString() {
		return "SpringWebSocketTransport[" + this.client + "]";
	}

	private static Throwable unwrap(Throwable error) {
		return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
	}

	/**
	 * Tomcat, told to follow no redirect, says "Cyclic Location header [...] detected /
	 * reached max number of redirects [1] of max [0]": this says what happened.
	 */
	private static Throwable explained(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.startsWith(TOMCAT_REDIRECT_REFUSED)) {
				int end = message.indexOf(']', TOMCAT_REDIRECT_REFUSED.length());
				if (end > 0) {
					RedirectNotFollowedException refused = new RedirectNotFollowedException(0,
							message.substring(TOMCAT_REDIRECT_REFUSED.length(), end));
					refused.initCause(error);
					return refused;
				}
			}
		}
		return error;
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Spring's handler of one connection: parts put together, binary messages skipped,
	 * the end told once. Spring calls it on the container's reading thread, one call at a
	 * time per session.
	 */
	private static final class Handler implements WebSocketHandler {

		private final WebSocketListener listener;

		private final TextAssembler text;

		private final AtomicBoolean ended = new AtomicBoolean();

		private final WatchedConnects.@Nullable Attempt attempt;

		volatile boolean abandoned;

		volatile @Nullable Connection connection;

		Handler(WebSocketListener listener, int maxMessageSize, WatchedConnects.@Nullable Attempt attempt) {
			this.listener = listener;
			this.text = new TextAssembler(maxMessageSize);
			this.attempt = attempt;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			if (this.attempt != null) {
				// The handshake is over: a session that comes too late is closed, not
				// interrupted.
				this.attempt.opened();
			}
		}

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
			if (this.abandoned || this.ended.get()) {
				return;
			}
			if (message instanceof TextMessage textMessage) {
				this.text.accept(textMessage.getPayload(), textMessage.isLast(), this.listener);
			}
			else if (message instanceof BinaryMessage binary && binary.isLast()) {
				this.listener.onUnusableMessage("a binary message");
			}
			// Pongs answer pings this transport never sends; pings are answered by the
			// container.
		}

		@Override
		public void handleTransportError(WebSocketSession session, Throwable exception) {
			if (end()) {
				this.listener.onError(exception);
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			// A connection that ended without a close frame is reported by the container
			// as 1006, as the SPI wants.
			if (end()) {
				String reason = status.getReason();
				this.listener.onClosed(status.getCode(), (reason != null) ? reason : "");
			}
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

		private boolean end() {
			Connection current = this.connection;
			if (current != null) {
				current.ended();
			}
			return this.ended.compareAndSet(false, true) && !this.abandoned;
		}

	}

	/** One open session. */
	private static final class Connection implements WebSocketConnection {

		private final WebSocketSession session;

		private final SpringWebSocketTransport transport;

		/**
		 * The JSR-356 session when there is one, typed {@code Object} so that the API
		 * stays optional.
		 */
		private final @Nullable Object jsr356Session;

		private final AtomicBoolean paused = new AtomicBoolean();

		private final SerialExecutor serial;

		Connection(WebSocketSession session, SpringWebSocketTransport transport) {
			this.session = session;
			this.transport = transport;
			this.jsr356Session = JSR_356_PRESENT ? Jsr356.nativeSession(session) : null;
			this.serial = new SerialExecutor(transport.blocking);
		}

		@Override
		public CompletableFuture<Void> sendText(String text) {
			if (this.jsr356Session != null) {
				return Jsr356.sendText(this.jsr356Session, text);
			}
			CompletableFuture<Void> sent = new CompletableFuture<>();
			try {
				this.serial.execute(() -> {
					try {
						this.session.sendMessage(new TextMessage(text));
						sent.complete(null);
					}
					catch (IOException | RuntimeException ex) {
						sent.completeExceptionally(ex);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				sent.completeExceptionally(new IOException("The transport is closed", ex));
			}
			return sent;
		}

		@Override
		public void close(int code, String reason) {
			// Queued behind a send still on its way: Spring's sessions do not take a
			// close while sending.
			closeOn(this.serial, new CloseStatus(code, reason));
		}

		/**
		 * Tomcat's sessions can stop reading; others cannot, and keep reading (the
		 * client's queue budget then drops beyond twice its bound).
		 */
		@Override
		public void pauseReading() {
			// Once per pause: Tomcat warns about a session suspended twice.
			if (TOMCAT_PRESENT && this.jsr356Session != null && this.paused.compareAndSet(false, true)) {
				TomcatReading.pause(this.jsr356Session);
			}
		}

		@Override
		public void resumeReading() {
			if (TOMCAT_PRESENT && this.jsr356Session != null && this.paused.compareAndSet(true, false)) {
				TomcatReading.resume(this.jsr356Session);
			}
		}

		/**
		 * Spring's API has no way to drop a connection without a close frame: the session
		 * is closed with 1006, which Tomcat, for one, answers by closing the socket at
		 * once. Not queued behind a blocked send.
		 */
		@Override
		public void abort() {
			closeOn(this.transport.blocking, CloseStatus.NO_CLOSE_FRAME);
		}

		void ended() {
			this.transport.open.remove(this);
		}

		private void closeOn(Executor executor, CloseStatus status) {
			this.transport.open.remove(this);
			try {
				executor.execute(() -> closeNow(status));
			}
			catch (RejectedExecutionException ex) {
				// The transport is closed, and its connections with it.
			}
		}

		void closeNow(CloseStatus status) {
			try {
				this.session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				// The connection is being let go: a failure to say goodbye changes
				// nothing.
			}
		}

	}

	/**
	 * Runs tasks one at a time, in order, on a shared executor: a connection's sends and
	 * close.
	 */
	private static final class SerialExecutor implements Executor {

		private final Executor executor;

		private final Queue<Runnable> tasks = new ArrayDeque<>();

		private boolean running;

		SerialExecutor(Executor executor) {
			this.executor = executor;
		}

		@Override
		public void execute(Runnable task) {
			synchronized (this) {
				if (this.running) {
					this.tasks.add(task);
					return;
				}
				this.running = true;
			}
			try {
				this.executor.execute(() -> runFrom(task));
			}
			catch (RejectedExecutionException ex) {
				synchronized (this) {
					this.running = false;
				}
				throw ex;
			}
		}

		private void runFrom(Runnable first) {
			Runnable task = first;
			while (task != null) {
				task.run();
				synchronized (this) {
					task = this.tasks.poll();
					if (task == null) {
						this.running = false;
					}
				}
			}
		}

	}

	/**
	 * JSR-356 access, in a class of its own so that the API is only loaded when it is on
	 * the class path.
	 */
	private static final class Jsr356 {

		static @Nullable Object nativeSession(WebSocketSession session) {
			return (session instanceof NativeWebSocketSession nativeSession)
					? nativeSession.getNativeSession(Session.class) : null;
		}

		static CompletableFuture<Void> sendText(Object nativeSession, String text) {
			CompletableFuture<Void> sent = new CompletableFuture<>();
			try {
				((Session) nativeSession).getAsyncRemote().sendText(text, (result) -> {
					if (result.isOK()) {
						sent.complete(null);
					}
					else {
						sent.completeExceptionally(result.getException());
					}
				});
			}
			catch (RuntimeException ex) {
				// Closed, or a send still on its way (the caller broke the one-at-a-time
				// rule).
				sent.completeExceptionally(ex);
			}
			return sent;
		}

	}

	/**
	 * Pausing a Tomcat session's reading, in a class of its own so that Tomcat is only
	 * loaded when it is there.
	 */
	private static final class TomcatReading {

		static void pause(Object nativeSession) {
			if (nativeSession instanceof WsSession session) {
				session.suspend();
			}
		}

		static void resume(Object nativeSession) {
			if (nativeSession instanceof WsSession session) {
				session.resume();
			}
		}

	}

	/**
	 * Tomcat's container, in a class of its own so that Tomcat is only loaded by
	 * {@link #overTomcat()}.
	 */
	static final class TomcatClient {

		/**
		 * Connecting blocks a thread; a few bound the count however many sockets
		 * reconnect at once.
		 */
		private static final int CONNECT_THREADS = 4;

		private TomcatClient() {
		}

		static SpringWebSocketTransport create(@Nullable SSLContext tls) {
			WsWebSocketContainer container = container();
			ThreadPoolExecutor connects = new ThreadPoolExecutor(CONNECT_THREADS, CONNECT_THREADS, 30, TimeUnit.SECONDS,
					new LinkedBlockingQueue<>(), daemonThreads("pubsub-connect-"));
			connects.allowCoreThreadTimeOut(true);
			WatchedConnects watched = new WatchedConnects(connects);
			StandardWebSocketClient client = new StandardWebSocketClient(container);
			client.setTaskExecutor(new TaskExecutorAdapter(watched));
			// Tomcat follows up to 20 redirects by default, to any host: none here.
			client.setUserProperties(Map.of(TOMCAT_MAX_REDIRECTIONS, "0"));
			// Tomcat reads a handshake's response without limit: over TLS, the engine
			// bounds it.
			client.setSslContext(BoundedTlsContext.over((tls != null) ? tls : defaultTls()));
			return new SpringWebSocketTransport(client, watched, () -> {
				watched.shutdownNow();
				// Closes its sessions and releases Tomcat's shared I/O threads when no
				// other container uses them.
				container.destroy();
			});
		}

		/**
		 * The container, with its buffers: Tomcat allocates them whole for every
		 * connection. Larger messages arrive in parts, which the transport puts together,
		 * so a small text buffer costs nothing but a copy for the rare large message.
		 */
		static WsWebSocketContainer container() {
			WsWebSocketContainer container = new WsWebSocketContainer();
			container.setDefaultMaxTextMessageBufferSize(TEXT_BUFFER_CHARACTERS);
			container.setDefaultMaxBinaryMessageBufferSize(READ_BUFFER_BYTES);
			return container;
		}

		/** What Tomcat's container would create for each connection without one. */
		private static SSLContext defaultTls() {
			try {
				SSLContext tls = SSLContext.getInstance("TLS");
				tls.init(null, null, null);
				return tls;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("No TLS in this JVM", ex);
			}
		}

	}

}
