package io.github.twitchjvm.pubsub;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Spreads LISTENs over time with a token bucket (a second's worth may go at once), so that hundreds of topics
 * re-listened after many sockets reconnect together do not reach the server in one burst. Guarded by the pool's
 * lock; the drain task takes the lock itself.
 */
final class ListenPacer {

	private final Object lock;

	private final int perSecond;

	private final Queue<Runnable> waiting = new ArrayDeque<>();

	private double tokens;

	private long refilledAt = System.nanoTime();

	private @Nullable ScheduledExecutorService timer;

	private @Nullable ScheduledFuture<?> drain;

	ListenPacer(Object lock, int perSecond) {
		this.lock = lock;
		this.perSecond = perSecond;
		this.tokens = perSecond;
	}

	void start(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	void submit(Runnable send) {
		refill();
		if (this.waiting.isEmpty() && this.tokens >= 1) {
			this.tokens--;
			send.run();
			return;
		}
		this.waiting.add(send);
		scheduleDrain();
	}

	private void refill() {
		long now = System.nanoTime();
		this.tokens = Math.min(this.perSecond, this.tokens + (now - this.refilledAt) * this.perSecond / 1e9);
		this.refilledAt = now;
	}

	private void scheduleDrain() {
		ScheduledExecutorService scheduler = this.timer;
		if (this.drain != null || scheduler == null) {
			return;
		}
		long waitNanos = (long) Math.max(0, (1 - this.tokens) * 1e9 / this.perSecond);
		this.drain = scheduler.schedule(() -> {
			synchronized (this.lock) {
				this.drain = null;
				refill();
				while (!this.waiting.isEmpty() && this.tokens >= 1) {
					this.tokens--;
					this.waiting.poll().run();
				}
				if (!this.waiting.isEmpty()) {
					scheduleDrain();
				}
			}
		}, waitNanos, TimeUnit.NANOSECONDS);
	}

	void clear() {
		this.waiting.clear();
		if (this.drain != null) {
			this.drain.cancel(false);
			this.drain = null;
		}
		this.timer = null;
	}

}
