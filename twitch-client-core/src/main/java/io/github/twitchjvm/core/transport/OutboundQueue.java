package io.github.twitchjvm.core.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What one connection has to send, sent one message at a time without ever blocking the
 * caller: an engine queues a frame and goes on; the next frame goes out when the
 * transport finished the previous one. The queue is bounded in characters, so a peer that
 * stops reading cannot make the client hold an unbounded backlog: a frame that does not
 * fit is refused, and the caller treats the peer as stalled.
 *
 * <p>
 * Thread-safe: frames are queued from the engine's thread and sends complete on the
 * transport's threads.
 */
public final class OutboundQueue {

	private final WebSocketConnection connection;

	private final long maxQueuedCharacters;

	private final Consumer<Throwable> failed;

	private final Queue<String> queued = new ArrayDeque<>();

	private long queuedCharacters;

	private boolean sending;

	private boolean closed;

	/**
	 * Creates the queue of a connection.
	 * @param connection the connection frames go out on
	 * @param maxQueuedCharacters how much may wait, not counting the frame being sent
	 * @param failed told, once, when a send failed (the connection is broken)
	 */
	public OutboundQueue(WebSocketConnection connection, long maxQueuedCharacters, Consumer<Throwable> failed) {
		this.connection = connection;
		this.maxQueuedCharacters = maxQueuedCharacters;
		this.failed = failed;
	}

	/**
	 * Queues a frame, or sends it at once when nothing is being sent.
	 * @param frame the frame's text
	 * @return {@code false} if it was refused: the queue is closed, or the frame does not
	 * fit (the peer is not reading)
	 */
	public boolean send(String frame) {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			if (this.sending) {
				if (this.queuedCharacters + frame.length() > this.maxQueuedCharacters) {
					return false;
				}
				this.queued.add(frame);
				this.queuedCharacters += frame.length();
				return true;
			}
			this.sending = true;
		}
		transmit(frame);
		return true;
	}

	/**
	 * @return characters waiting to be sent
	 */
	public synchronized long queuedCharacters() {
		return this.queuedCharacters;
	}

	/**
	 * @return whether a frame is on its way
	 */
	public synchronized boolean isSending() {
		return this.sending;
	}

	/**
	 * Drops what waits and refuses what comes; a frame on its way still goes.
	 */
	public synchronized void close() {
		this.closed = true;
		this.queued.clear();
		this.queuedCharacters = 0;
	}

	/**
	 * Sends frames until one is still on its way; a transport that completes sends at
	 * once adds no stack.
	 */
	private void transmit(String first) {
		@Nullable String frame = first;
		while (frame != null) {
			CompletableFuture<Void> sent;
			try {
				sent = this.connection.sendText(frame);
			}
			catch (RuntimeException ex) {
				sent = CompletableFuture.failedFuture(ex);
			}
			if (!sent.isDone()) {
				sent.whenComplete((ignored, error) -> {
					String next = afterSend(error);
					if (next != null) {
						transmit(next);
					}
				});
				return;
			}
			frame = afterSend(sent.isCompletedExceptionally() ? failure(sent) : null);
		}
	}

	/**
	 * @return the next frame to send, or {@code null} when there is none or sending
	 * failed
	 */
	private @Nullable String afterSend(@Nullable Throwable error) {
		String next;
		synchronized (this) {
			if (error == null) {
				next = this.queued.poll();
				if (next == null) {
					this.sending = false;
				}
				else {
					this.queuedCharacters -= next.length();
				}
				return next;
			}
			boolean first = !this.closed;
			this.closed = true;
			this.sending = false;
			this.queued.clear();
			this.queuedCharacters = 0;
			if (!first) {
				return null;
			}
		}
		this.failed.accept(error);
		return null;
	}

	private static Throwable failure(CompletableFuture<Void> sent) {
		try {
			sent.join();
			return new IllegalStateException("The send failed");
		}
		catch (CompletionException | CancellationException ex) {
			return (ex.getCause() != null) ? ex.getCause() : ex;
		}
	}

}
