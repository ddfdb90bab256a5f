package io.github.twitchjvm.core.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Spreads requests over time with a token bucket: a second's worth may go at once, the
 * rest at the configured rate, in the order submitted. So hundreds of subscriptions
 * renewed after many connections come back together do not reach the server in one burst.
 * Belongs to one engine loop: submit and clear on its thread only.
 */
public final class Pacer {

	private final EngineLoop loop;

	private final int perSecond;

	private final Queue<Runnable> waiting = new ArrayDeque<>();

	private double tokens;

	private long refilledAt;

	private EngineLoop.Scheduled drain = EngineLoop.Scheduled.NONE;

	private boolean draining;

	/**
	 * Creates a pacer with a full bucket.
	 * @param loop the loop it runs on
	 * @param perSecond requests per second, and the most at once
	 */
	public Pacer(EngineLoop loop, int perSecond) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
		}
		this.loop = loop;
		this.perSecond = perSecond;
		this.tokens = perSecond;
		this.refilledAt = loop.nanoTime();
	}

	/**
	 * Runs the request now if the bucket allows and nothing waits before it, or later in
	 * turn.
	 * @param request sends the request
	 */
	public void submit(Runnable request) {
		refill();
		if (this.waiting.isEmpty() && this.tokens >= 1) {
			this.tokens--;
			request.run();
			return;
		}
		this.waiting.add(request);
		scheduleDrain();
	}

	/**
	 * @return requests waiting for their turn
	 */
	public int waiting() {
		return this.waiting.size();
	}

	/**
	 * Forgets every waiting request.
	 */
	public void clear() {
		this.waiting.clear();
		this.drain.cancel();
		this.drain = EngineLoop.Scheduled.NONE;
		this.draining = false;
	}

	private void refill() {
		long now = this.loop.nanoTime();
		this.tokens = Math.min(this.perSecond, this.tokens + (now - this.refilledAt) * this.perSecond / 1e9);
		this.refilledAt = now;
	}

	private void scheduleDrain() {
		if (this.draining) {
			return;
		}
		this.draining = true;
		long waitNanos = (long) Math.ceil(Math.max(0, (1 - this.tokens) * 1e9 / this.perSecond));
		this.drain = this.loop.schedule(Duration.ofNanos(waitNanos), this::drain);
	}

	private void drain() {
		this.draining = false;
		refill();
		while (!this.waiting.isEmpty() && this.tokens >= 1) {
			this.tokens--;
			this.waiting.poll().run();
		}
		if (!this.waiting.isEmpty()) {
			scheduleDrain();
		}
	}

}
