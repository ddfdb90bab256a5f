package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Helix's rate limit: a token bucket per client id holding {@code limit} points, refilled
 * continuously at {@code limit} a minute; each request takes one. The buckets of at most
 * {@link #MAX_CLIENTS} client ids are kept, the least recently used forgotten first (it
 * starts full again): the {@code Client-Id} header is read before any check, and a client
 * sending made-up ones must not fill the heap.
 */
final class HelixRateLimit {

	static final int MAX_CLIENTS = 10_000;

	private static final long REFILL_NANOS = Duration.ofMinutes(1).toNanos();

	private final int limit;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}

	};

	HelixRateLimit(int limit, LongSupplier nanoTime) {
		this.limit = limit;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes a point for a request of the client, if there is one.
	 * @param clientId the {@code Client-Id} of the request
	 * @param nowEpochSecond the wall clock, for {@code Ratelimit-Reset}
	 * @return the headers' values and whether the request may go on
	 */
	synchronized Decision take(String clientId, long nowEpochSecond) {
		long now = this.nanoTime.getAsLong();
		Bucket bucket = this.buckets.computeIfAbsent(clientId, (id) -> new Bucket(this.limit, now));
		double elapsed = (double) (now - bucket.updatedAt) / REFILL_NANOS;
		bucket.points = Math.min(this.limit, bucket.points + elapsed * this.limit);
		bucket.updatedAt = now;
		boolean allowed = bucket.points >= 1;
		if (allowed) {
			bucket.points -= 1;
		}
		double missing = this.limit - bucket.points;
		long reset = nowEpochSecond + (long) Math.ceil(missing / this.limit * 60);
		return new Decision(allowed, this.limit, (int) Math.floor(bucket.points), reset);
	}

	synchronized int clients() {
		return this.buckets.size();
	}

	synchronized void reset() {
		this.buckets.clear();
	}

	/**
	 * What one request got.
	 *
	 * @param allowed whether a point was left
	 * @param limit {@code Ratelimit-Limit}
	 * @param remaining {@code Ratelimit-Remaining}
	 * @param reset {@code Ratelimit-Reset}: when the bucket is full again, in Unix
	 * seconds
	 */
	record Decision(boolean allowed, int limit, int remaining, long reset) {
	}

	private static final class Bucket {

		private double points;

		private long updatedAt;

		Bucket(double points, long updatedAt) {
			this.points = points;
			this.updatedAt = updatedAt;
		}

	}

}
