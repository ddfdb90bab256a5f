package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;

import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A receiver in this JVM whose CPU and allocation are those of the threads picked by
 * name: the project's client and the bare baselines.
 */
final class JvmReceiver implements Receiver {

	private final LongSupplier received;

	private final LongSupplier dropped;

	private final Predicate<String> threads;

	private final String scope;

	private final Closing closing;

	JvmReceiver(LongSupplier received, LongSupplier dropped, Predicate<String> threads, String scope, Closing closing) {
		this.received = received;
		this.dropped = dropped;
		this.threads = threads;
		this.scope = scope;
		this.closing = closing;
	}

	@Override
	public long received() {
		return this.received.getAsLong();
	}

	@Override
	public long dropped() {
		return this.dropped.getAsLong();
	}

	@Override
	public long cpuNanos() {
		return ThreadCpu.nanos(this.threads);
	}

	@Override
	public long allocatedBytes() {
		return ThreadCpu.allocatedBytes(this.threads);
	}

	@Override
	public String cpuScope() {
		return this.scope;
	}

	@Override
	public void close() throws IOException {
		this.closing.close();
	}

	/** How the receiver stops. */
	@FunctionalInterface
	interface Closing {

		void close() throws IOException;

	}

}
