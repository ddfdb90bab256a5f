package io.github.twitchjvm.eventsub.actuate;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A client's snapshot shared by the gauges of one scrape: taken again only when the one
 * kept is over a second old, since taking one asks the client's engine. Used by both
 * protocols' metrics. Thread-safe (two scrapes at once may both take one).
 *
 * @param <C> the client
 * @param <S> its snapshot
 */
public final class RecentSnapshot<C, S> {

	private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Function<C, S> take;

	private volatile @Nullable S snapshot;

	private volatile long takenAt;

	/**
	 * Creates an empty one.
	 * @param take how a snapshot of the client is taken
	 */
	public RecentSnapshot(Function<C, S> take) {
		this.take = take;
	}

	/**
	 * The client's snapshot of the last second.
	 * @param client the client
	 * @return the snapshot
	 */
	public S of(C client) {
		S current = this.snapshot;
		long now = System.nanoTime();
		if (current == null || now - this.takenAt > TTL_NANOS) {
			current = this.take.apply(client);
			this.snapshot = current;
			this.takenAt = now;
		}
		return current;
	}

}
