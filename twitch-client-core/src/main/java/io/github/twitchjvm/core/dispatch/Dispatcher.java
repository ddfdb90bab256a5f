package io.github.twitchjvm.core.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.github.twitchjvm.core.engine.NamedThreadFactory;
import org.jspecify.annotations.Nullable;

/**
 * The executor handlers run on, between a client's start and stop: the one the
 * application gave, or a pool of daemon threads the client owns (one per core, at least
 * two). Subscription queues hand their drains to it; while the client is stopped it
 * rejects them.
 *
 * <p>
 * On stop it lets queued deliveries finish within a drain timeout: its own pool is shut
 * down and awaited; an executor the application gave is never shut down, so the
 * dispatcher waits until the queues are idle instead.
 */
public final class Dispatcher implements Executor {

	private final @Nullable Executor given;

	private final String threadPrefix;

	private volatile @Nullable Executor current;

	private @Nullable ExecutorService owned;

	/**
	 * Creates a dispatcher; nothing runs until {@link #start()}.
	 * @param given the application's executor, or {@code null} for a pool of the
	 * dispatcher's own
	 * @param threadPrefix names the own pool's threads
	 */
	public Dispatcher(@Nullable Executor given, String threadPrefix) {
		this.given = given;
		this.threadPrefix = threadPrefix;
	}

	/**
	 * Accepts drains from now on.
	 */
	public synchronized void start() {
		if (this.current != null) {
			return;
		}
		if (this.given != null) {
			this.current = this.given;
			return;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
				new NamedThreadFactory(this.threadPrefix));
		this.owned = pool;
		this.current = pool;
	}

	@Override
	public void execute(Runnable command) {
		Executor executor = this.current;
		if (executor == null) {
			throw new RejectedExecutionException("The client is not running");
		}
		executor.execute(command);
	}

	/**
	 * Stops accepting drains and lets queued deliveries finish within the timeout; then
	 * drops what is left, so that a later start begins with empty queues.
	 * @param drainTimeout how long deliveries may go on
	 * @param queues every subscription's queue (looked up once the executor stopped
	 * accepting)
	 */
	public void stop(Duration drainTimeout, Supplier<Collection<? extends SubscriptionQueue<?>>> queues) {
		ExecutorService pool;
		synchronized (this) {
			if (this.current == null) {
				return;
			}
			pool = this.owned;
			this.owned = null;
			if (pool == null) {
				// The application's executor keeps running what was handed to it: wait
				// for that, then stop.
				awaitIdle(queues.get(), drainTimeout);
			}
			this.current = null;
		}
		if (pool != null) {
			pool.shutdown();
			try {
				if (!pool.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
					pool.shutdownNow();
					pool.awaitTermination(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				pool.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
		// What the executor dropped unrun must not leave a queue waiting for a drain that
		// never comes.
		queues.get().forEach(SubscriptionQueue::reset);
	}

	/**
	 * Polls, since handlers finish on the application's threads; it runs once per stop.
	 */
	private static void awaitIdle(Collection<? extends SubscriptionQueue<?>> queues, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!queues.stream().allMatch(SubscriptionQueue::idle) && System.nanoTime() - deadline < 0) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
		}
	}

	/**
	 * @return whether the dispatcher runs an executor of its own
	 */
	public boolean ownsExecutor() {
		return this.given == null;
	}

}
