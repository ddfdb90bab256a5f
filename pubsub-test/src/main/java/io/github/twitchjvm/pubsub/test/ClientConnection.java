package io.github.twitchjvm.pubsub.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import org.jspecify.annotations.Nullable;

/**
 * One client's WebSocket connection: the topics it listens to (with the token each was
 * listened with), the frames it sent, its idle deadlines and the ways to write to it or
 * cut it off.
 */
final class ClientConnection {

	/**
	 * Enough recent frames to inspect a test or a demo, bounded so a long benchmark
	 * cannot fill the heap.
	 */
	private static final int MAX_RECORDED_FRAMES = 10_000;

	private final String id;

	private final Channel channel;

	private final Instant connectedAt = Instant.now();

	private final Map<String, String> topics = new ConcurrentHashMap<>();

	private final Queue<ReceivedFrame> frames = new ConcurrentLinkedQueue<>();

	private final AtomicInteger recordedFrames = new AtomicInteger();

	private final AtomicInteger pendingPublishes = new AtomicInteger();

	private volatile @Nullable Instant lastPingAt;

	private volatile boolean listened;

	private volatile @Nullable ScheduledFuture<?> firstListenDeadline;

	private volatile @Nullable ScheduledFuture<?> pingDeadline;

	private volatile @Nullable Runnable writabilityWaiter;

	ClientConnection(String id, Channel channel) {
		this.id = id;
		this.channel = channel;
	}

	String id() {
		return this.id;
	}

	Channel channel() {
		return this.channel;
	}

	boolean isOpen() {
		return this.channel.isActive();
	}

	/**
	 * Topic to the access token it was listened with ({@code ""} for an undocumented
	 * topic without one).
	 */
	Map<String, String> topics() {
		return this.topics;
	}

	void record(String text) {
		if (this.recordedFrames.incrementAndGet() > MAX_RECORDED_FRAMES) {
			this.frames.poll();
			this.recordedFrames.decrementAndGet();
		}
		this.frames.add(new ReceivedFrame(this.id, Instant.now(), ServerJson.maskTokens(text)));
	}

	List<ReceivedFrame> frames() {
		return new ArrayList<>(this.frames);
	}

	void clearFrames() {
		this.frames.clear();
		this.recordedFrames.set(0);
	}

	boolean markListened() {
		boolean first = !this.listened;
		this.listened = true;
		cancel(this.firstListenDeadline);
		return first;
	}

	void pinged() {
		this.lastPingAt = Instant.now();
	}

	void firstListenDeadline(ScheduledFuture<?> deadline) {
		this.firstListenDeadline = deadline;
	}

	void pingDeadline(ScheduledFuture<?> deadline) {
		cancel(this.pingDeadline);
		this.pingDeadline = deadline;
	}

	boolean hasListened() {
		return this.listened;
	}

	/** Writes a control frame (RESPONSE, PONG, RECONNECT, AUTH_REVOKED or a raw one). */
	void send(String text) {
		this.channel.writeAndFlush(new TextWebSocketFrame(text));
	}

	/**
	 * Writes one binary message of {@code bytes} zero bytes in {@code parts} frames (the
	 * first and its continuations), which a PubSub client must skip as one.
	 */
	void sendBinary(int bytes, int parts) {
		int part = bytes / parts;
		for (int i = 0; i < parts; i++) {
			boolean last = i == parts - 1;
			ByteBuf data = Unpooled.wrappedBuffer(new byte[last ? bytes - part * (parts - 1) : part]);
			this.channel.write(
					(i == 0) ? new BinaryWebSocketFrame(last, 0, data) : new ContinuationWebSocketFrame(last, 0, data));
		}
		this.channel.flush();
	}

	/**
	 * Writes a published MESSAGE, disconnecting a client that lets more than
	 * {@code limit} of them pile up unread (the socket stopped taking data), as Twitch
	 * did.
	 * @return whether the message was handed to the socket
	 */
	boolean publish(TextWebSocketFrame frame, int limit) {
		// Writes queued by a fast publisher are not a slow client; data piling up in an
		// unwritable socket is.
		if (this.pendingPublishes.incrementAndGet() > limit && !this.channel.isWritable()) {
			this.pendingPublishes.decrementAndGet();
			frame.release();
			drop();
			return false;
		}
		this.channel.writeAndFlush(frame).addListener((future) -> this.pendingPublishes.decrementAndGet());
		return true;
	}

	/** Closes with a WebSocket close frame. */
	void close(int code, String reason) {
		if (this.channel.isActive()) {
			this.channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
		}
	}

	/**
	 * Reads the client's frames, or leaves them in the TCP buffers; in effect when this
	 * returns.
	 */
	void reading(boolean read) {
		Runnable change = () -> {
			this.channel.config().setAutoRead(read);
			if (read) {
				this.channel.read();
			}
		};
		if (this.channel.eventLoop().inEventLoop()) {
			change.run();
		}
		else {
			this.channel.eventLoop().submit(change).syncUninterruptibly();
		}
	}

	/**
	 * Cuts the TCP connection without a close frame: a reset, as when a server or a
	 * network dies.
	 */
	void drop() {
		this.channel.eventLoop().execute(() -> {
			if (this.channel.isOpen()) {
				try {
					this.channel.config().setOption(ChannelOption.SO_LINGER, 0);
				}
				catch (ChannelException ex) {
					// Closed meanwhile by the client: nothing left to reset.
				}
				this.channel.close();
			}
		});
	}

	void awaitWritable(Runnable waiter) {
		this.writabilityWaiter = waiter;
	}

	void writabilityChanged() {
		Runnable waiter = this.writabilityWaiter;
		if (waiter != null && this.channel.isWritable()) {
			this.writabilityWaiter = null;
			waiter.run();
		}
	}

	void closed() {
		cancel(this.firstListenDeadline);
		cancel(this.pingDeadline);
		Runnable waiter = this.writabilityWaiter;
		this.writabilityWaiter = null;
		if (waiter != null) {
			waiter.run();
		}
	}

	ConnectionInfo info() {
		return new ConnectionInfo(this.id, String.valueOf(this.channel.remoteAddress()), this.connectedAt,
				this.topics.keySet().stream().sorted().toList(), this.lastPingAt);
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	@Override
	public String toString() {
		return "ClientConnection[" + this.id + "]";
	}

}
