package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import org.jspecify.annotations.Nullable;

/**
 * One client WebSocket of a session, with its timers. Timers run on the channel's event
 * loop; the fields change under {@link EventSubState}'s lock.
 */
final class SessionSocket {

	private final Channel channel;

	private @Nullable Session session;

	/** The status a close by the server leaves the subscriptions with. */
	private @Nullable String closeStatus;

	private @Nullable ScheduledFuture<?> welcomeWindow;

	private @Nullable ScheduledFuture<?> keepalive;

	private @Nullable ScheduledFuture<?> pings;

	private @Nullable ScheduledFuture<?> pongDeadline;

	private @Nullable ScheduledFuture<?> reconnectDeadline;

	/** The {@code Host} the client connected with, when the server may advertise it. */
	private final @Nullable String authority;

	SessionSocket(Channel channel, @Nullable String authority) {
		this.channel = channel;
		this.authority = authority;
	}

	@Nullable String authority() {
		return this.authority;
	}

	Channel channel() {
		return this.channel;
	}

	@Nullable Session session() {
		return this.session;
	}

	void session(Session session) {
		this.session = session;
	}

	@Nullable String closeStatus() {
		return this.closeStatus;
	}

	void send(String text) {
		this.channel.writeAndFlush(new TextWebSocketFrame(text));
	}

	/**
	 * Closes with a close frame; the session's subscriptions get {@code status} when this
	 * socket was the session's.
	 */
	void close(int code, String reason, String status) {
		if (this.closeStatus == null) {
			this.closeStatus = status;
		}
		if (this.channel.isActive()) {
			this.channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
		}
	}

	/** Cuts the TCP connection without a close frame, as a network failure does. */
	void drop() {
		this.channel.eventLoop().execute(() -> {
			if (this.channel.isOpen()) {
				try {
					this.channel.config().setOption(ChannelOption.SO_LINGER, 0);
				}
				catch (ChannelException ex) {
					// Closed meanwhile: nothing left to reset.
				}
				this.channel.close();
			}
		});
	}

	ScheduledFuture<?> schedule(Runnable task, long nanos) {
		return this.channel.eventLoop().schedule(task, nanos, TimeUnit.NANOSECONDS);
	}

	void welcomeWindow(ScheduledFuture<?> timer) {
		cancel(this.welcomeWindow);
		this.welcomeWindow = timer;
	}

	void keepalive(@Nullable ScheduledFuture<?> timer) {
		cancel(this.keepalive);
		this.keepalive = timer;
	}

	void pings(ScheduledFuture<?> timer) {
		cancel(this.pings);
		this.pings = timer;
	}

	boolean awaitsPong() {
		return this.pongDeadline != null;
	}

	void pongDeadline(@Nullable ScheduledFuture<?> timer) {
		cancel(this.pongDeadline);
		this.pongDeadline = timer;
	}

	void reconnectDeadline(ScheduledFuture<?> timer) {
		cancel(this.reconnectDeadline);
		this.reconnectDeadline = timer;
	}

	void cancelTimers() {
		cancel(this.welcomeWindow);
		cancel(this.keepalive);
		cancel(this.pings);
		cancel(this.pongDeadline);
		cancel(this.reconnectDeadline);
		this.keepalive = null;
		this.pongDeadline = null;
	}

	private static void cancel(@Nullable ScheduledFuture<?> timer) {
		if (timer != null) {
			timer.cancel(false);
		}
	}

}
