package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Sends many notifications to one session as fast as its socket takes them: it writes
 * while the channel is writable and looks again shortly when it is not, so that a burst
 * measures the client and never fills the server's memory. Runs on the channel's event
 * loop.
 */
final class NotificationBurst implements Runnable {

	/** How long a burst waits before looking again at a socket that took no more. */
	private static final long RETRY_MICROS = 200;

	private final Channel channel;

	private final int count;

	private final IntFunction<String> notifications;

	private final CompletableFuture<Integer> done = new CompletableFuture<>();

	private int sent;

	NotificationBurst(Channel channel, int count, IntFunction<String> notifications) {
		this.channel = channel;
		this.count = count;
		this.notifications = notifications;
	}

	/** Starts; completes with the count once every notification is written. */
	CompletableFuture<Integer> start() {
		this.channel.eventLoop().execute(this);
		return this.done;
	}

	@Override
	public void run() {
		if (!this.channel.isActive()) {
			this.done.completeExceptionally(
					new IllegalStateException("The session closed after " + this.sent + " of " + this.count));
			return;
		}
		while (this.sent < this.count) {
			if (!this.channel.isWritable()) {
				this.channel.flush();
				if (!this.channel.isWritable()) {
					this.channel.eventLoop().schedule(this, RETRY_MICROS, TimeUnit.MICROSECONDS);
					return;
				}
			}
			var write = this.channel.write(new TextWebSocketFrame(this.notifications.apply(this.sent++)));
			if (this.sent == this.count) {
				write.addListener((future) -> {
					if (future.isSuccess()) {
						this.done.complete(this.count);
					}
					else {
						this.done.completeExceptionally(future.cause());
					}
				});
			}
		}
		this.channel.flush();
	}

}
