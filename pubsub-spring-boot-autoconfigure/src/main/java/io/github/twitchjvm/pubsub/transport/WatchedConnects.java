package io.github.twitchjvm.pubsub.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The connecting threads of a client this transport owns, each bound to its connection
 * attempt. Tomcat's {@code WsWebSocketContainer} reads a handshake's response on the
 * connecting thread, blocking, with a timeout per read but none overall, so a server that
 * drips its response would hold the thread (and the socket) for ever: once an attempt has
 * failed (its deadline passed, the caller gave up), the thread still running its
 * handshake is interrupted, which Tomcat notices the next time it waits for data, and it
 * then closes the socket. The attempt also tells {@link BoundedTlsContext} what the
 * handshake of the thread creating a TLS engine belongs to.
 *
 * <p>
 * A connect task is bound to its attempt by the thread that submits it: the Spring client
 * hands its task to this executor from within {@link #submitting(Attempt, Supplier)}.
 */
final class WatchedConnects implements Executor {

	/** The attempt whose handshake the current thread runs. */
	private static final ThreadLocal<@Nullable Attempt> RUNNING = new ThreadLocal<>();

	private final ExecutorService threads;

	private final ThreadLocal<@Nullable Attempt> submitting = new ThreadLocal<>();

	WatchedConnects(ExecutorService threads) {
		this.threads = threads;
	}

	/**
	 * @return the attempt whose handshake the current thread runs, if it runs one
	 */
	static @Nullable Attempt running() {
		return RUNNING.get();
	}

	/**
	 * Starts watching a connection attempt: when {@code connected} fails (deadline,
	 * cancellation, the handshake's response too large), the handshake still running for
	 * it is stopped.
	 * @param connected the attempt's future, as the transport hands it out
	 * @return the attempt, for {@link #submitting} and {@link Attempt#opened()}
	 */
	Attempt watch(CompletableFuture<?> connected) {
		Attempt attempt = new Attempt();
		connected.whenComplete((ignored, error) -> {
			if (error != null) {
				attempt.stop();
			}
		});
		return attempt;
	}

	/**
	 * Runs {@code submit}, binding the tasks it hands this executor to {@code attempt}.
	 */
	<T> T submitting(Attempt attempt, Supplier<T> submit) {
		this.submitting.set(attempt);
		try {
			return submit.get();
		}
		finally {
			this.submitting.remove();
		}
	}

	@Override
	public void execute(Runnable task) {
		Attempt attempt = this.submitting.get();
		this.threads.execute((attempt != null) ? () -> attempt.run(task) : task);
	}

	/** Interrupts the handshakes still running and ends the threads. */
	void shutdownNow() {
		this.threads.shutdownNow();
	}

	/** One connection attempt and, while its handshake runs, the thread running it. */
	static final class Attempt {

		private @Nullable Thread thread;

		/** The attempt failed: its handshake must stop. */
		private volatile boolean stopped;

		/** The session opened: the connection is no longer the handshake's. */
		private volatile boolean open;

		void run(Runnable task) {
			synchronized (this) {
				if (this.stopped) {
					// Given up before a thread was free: not worth a socket.
					return;
				}
				this.thread = Thread.currentThread();
			}
			RUNNING.set(this);
			try {
				task.run();
			}
			finally {
				RUNNING.remove();
				synchronized (this) {
					this.thread = null;
					// An interrupt meant for this attempt must not reach the pool's next
					// task.
					Thread.interrupted();
				}
			}
		}

		/**
		 * The session is open (the transport's handler heard so, on the connecting
		 * thread): from now on the connection is the transport's to close, not the
		 * handshake's to stop.
		 */
		synchronized void opened() {
			this.open = true;
		}

		/**
		 * @return whether the session opened
		 */
		boolean isOpen() {
			return this.open;
		}

		/**
		 * @return whether the attempt failed before the session opened, so that its
		 * handshake must stop
		 */
		boolean isStopped() {
			return this.stopped;
		}

		synchronized void stop() {
			if (!this.open && !this.stopped) {
				this.stopped = true;
				if (this.thread != null) {
					this.thread.interrupt();
				}
			}
		}

	}

}
