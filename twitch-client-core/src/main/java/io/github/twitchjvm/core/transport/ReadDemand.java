package io.github.twitchjvm.core.transport;

import java.net.http.WebSocket;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * How many messages a JDK WebSocket may hand over: a small window, topped up while
 * reading runs, left to run dry while it is paused. Asking a window ahead (rather than
 * for every message, or for all of them at once) costs one request per few messages and
 * lets a pause take effect within a window.
 *
 * <p>
 * The JDK calls the listener on one thread at a time, so {@link #consumed()} keeps its
 * count without atomics; only pausing and resuming cross threads.
 */
final class ReadDemand {

	/** Messages asked for ahead; a pause lets at most this many more in. */
	static final int WINDOW = 16;

	private static final int RUNNING = 0;

	private static final int PAUSED = 1;

	/** Paused, and the window ran dry: resuming must ask again. */
	private static final int STARVED = 2;

	private final AtomicInteger state = new AtomicInteger(RUNNING);

	private volatile @Nullable WebSocket webSocket;

	/** Messages asked for and not yet handed over; the listener's thread only. */
	private int left;

	void opened(WebSocket opened) {
		this.webSocket = opened;
		this.left = WINDOW;
		opened.request(WINDOW);
	}

	/** The JDK handed over a message (or part). */
	void consumed() {
		WebSocket socket = this.webSocket;
		if (socket == null) {
			return;
		}
		this.left--;
		if (this.left > WINDOW / 2) {
			return;
		}
		int now = this.state.get();
		if (now == RUNNING) {
			socket.request(WINDOW - this.left);
			this.left = WINDOW;
		}
		else if (this.left == 0 && !this.state.compareAndSet(PAUSED, STARVED)) {
			// Resumed just now: it found the window open, so this thread asks again.
			socket.request(WINDOW);
			this.left = WINDOW;
		}
	}

	void pause() {
		this.state.compareAndSet(RUNNING, PAUSED);
	}

	void resume() {
		if (this.state.compareAndSet(PAUSED, RUNNING)) {
			return;
		}
		WebSocket socket = this.webSocket;
		if (socket != null && this.state.compareAndSet(STARVED, RUNNING)) {
			// The listener's thread is idle: nothing was asked for.
			this.left = WINDOW;
			socket.request(WINDOW);
		}
	}

}
