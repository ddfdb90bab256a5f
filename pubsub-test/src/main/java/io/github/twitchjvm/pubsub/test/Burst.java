package io.github.twitchjvm.pubsub.test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Sends many MESSAGE frames to one connection as fast as its socket takes them: it writes
 * while the channel is writable and resumes when it becomes writable again, so a burst
 * measures the client, never fills the server's memory, and never trips the slow-consumer
 * rule.
 */
final class Burst implements Runnable {

	private final ClientConnection connection;

	private final int count;

	private final IntFunction<ByteBuf> frames;

	private final CompletableFuture<Burst> done = new CompletableFuture<>();

	private int sent;

	private long bytes;

	private long startNanos;

	private long endNanos;

	private Burst(ClientConnection connection, int count, IntFunction<ByteBuf> frames) {
		this.connection = connection;
		this.count = count;
		this.frames = frames;
	}

	/** One frame text for every message: a shared buffer, duplicated per write. */
	static Burst ofSameMessage(ClientConnection connection, int count, String topic, String message) {
		ByteBuf frame = Unpooled.unreleasableBuffer(
				Unpooled.wrappedBuffer(ServerJson.message(topic, message).getBytes(StandardCharsets.UTF_8)));
		return new Burst(connection, count, (index) -> frame.duplicate());
	}

	/**
	 * A message of its own for every index, for payloads that carry a sequence number or
	 * a timestamp.
	 */
	static Burst ofMessages(ClientConnection connection, int count, String topic, IntFunction<String> messages) {
		return new Burst(connection, count, (index) -> Unpooled
			.wrappedBuffer(ServerJson.message(topic, messages.apply(index)).getBytes(StandardCharsets.UTF_8)));
	}

	CompletableFuture<Burst> start() {
		this.connection.channel().eventLoop().execute(this);
		return this.done;
	}

	@Override
	public void run() {
		Channel channel = this.connection.channel();
		if (!channel.isActive()) {
			this.done.completeExceptionally(new IllegalStateException("Connection " + this.connection.id()
					+ " closed after " + this.sent + " of " + this.count + " messages"));
			return;
		}
		if (this.sent == 0) {
			this.startNanos = System.nanoTime();
		}
		while (this.sent < this.count) {
			if (!channel.isWritable()) {
				channel.flush();
				// Flushing may drain the buffer and fire the writable event at once; wait
				// only if it did not.
				if (!channel.isWritable()) {
					this.connection.awaitWritable(() -> channel.eventLoop().execute(this));
					return;
				}
			}
			ByteBuf frame = this.frames.apply(this.sent++);
			this.bytes += frame.readableBytes();
			var write = channel.write(new TextWebSocketFrame(frame));
			if (this.sent == this.count) {
				write.addListener((future) -> {
					this.endNanos = System.nanoTime();
					if (future.isSuccess()) {
						this.done.complete(this);
					}
					else {
						this.done.completeExceptionally(future.cause());
					}
				});
			}
		}
		channel.flush();
	}

	int sent() {
		return this.sent;
	}

	long bytes() {
		return this.bytes;
	}

	long startNanos() {
		return this.startNanos;
	}

	long endNanos() {
		return this.endNanos;
	}

}
