package io.github.twitchjvm.eventsub;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The message ids delivered in the last ten minutes, to drop the duplicates of Twitch's
 * at-least-once delivery (a message sent again keeps its id; around a session move it may
 * arrive on both sockets). Bounded in entries: the oldest are forgotten first. Called by
 * the reading threads of several sockets, so it is synchronized; the work under the lock
 * is a hash lookup.
 */
final class SeenMessages {

	private final long windowNanos;

	private final int maxEntries;

	/** Message id to when it was first seen; insertion order is arrival order. */
	private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

	SeenMessages(long windowNanos, int maxEntries) {
		this.windowNanos = windowNanos;
		this.maxEntries = maxEntries;
	}

	/**
	 * Records a message id.
	 * @param messageId the id
	 * @param nowNanos the monotonic clock
	 * @return {@code true} the first time within the window, {@code false} for a
	 * duplicate
	 */
	synchronized boolean firstTime(String messageId, long nowNanos) {
		forgetOld(nowNanos);
		if (this.seen.putIfAbsent(messageId, nowNanos) != null) {
			return false;
		}
		if (this.seen.size() > this.maxEntries) {
			Iterator<String> oldest = this.seen.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	synchronized int size() {
		return this.seen.size();
	}

	private void forgetOld(long nowNanos) {
		Iterator<Map.Entry<String, Long>> entries = this.seen.entrySet().iterator();
		while (entries.hasNext()) {
			if (nowNanos - entries.next().getValue() <= this.windowNanos) {
				return;
			}
			entries.remove();
		}
	}

}
