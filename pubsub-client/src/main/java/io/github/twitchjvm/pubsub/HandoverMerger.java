package io.github.twitchjvm.pubsub;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Merges the old and the new connection's streams of one topic during a handover, so that
 * the application sees every message once, in publish order, although PubSub messages
 * carry no ids.
 *
 * <h2>Why this works</h2> For one topic the server writes every published message, in
 * publish order, to every connection listening at publish time. Calling the publish
 * sequence {@code m0, m1, ..., m(N-1)}: the old connection receives a prefix
 * {@code m0 .. m(c-1)} (it stops when it stops listening or closes), the new connection
 * receives a suffix {@code m(k) .. m(N-1)} (from the first publish after the server
 * registered its LISTEN), and {@code k <= c}: the two overlap or touch, with no gap
 * between them. Each connection keeps its own order, but they are read by different
 * threads, so their arrivals interleave arbitrarily.
 *
 * <p>
 * Two consequences drive the algorithm. First, the new stream is contiguous: once its
 * first message {@code m(k)} is found among the messages the old side delivered, every
 * following new message is known in advance (it is the next one the old side delivered)
 * until the new side runs past what the old side delivered. Second, once {@code m(k)} is
 * known to have arrived on the old side, every later old message has an index above
 * {@code k} and therefore also arrives on the new side: from then on the old side is
 * optional.
 *
 * <h2>Algorithm</h2>
 * <ol>
 * <li><em>Aligning.</em> Old messages are delivered at once, in arrival order, and their
 * keys are remembered in a history of the last {@code maxBuffered}. New messages are held
 * back in a buffer, because nothing tells yet whether the old side delivered them or will
 * deliver them.</li>
 * <li><em>Alignment</em> happens when a new message's key is in the history (the old side
 * was faster: the history is cut to start at that key), or when an old message has the
 * key of the head of the buffer (the new side was faster: that message is delivered once,
 * from the old side). In both cases the history then holds exactly what the old side
 * delivered and the new side has yet to repeat.</li>
 * <li><em>Aligned.</em> A new message equal to the first history entry is a duplicate: it
 * is dropped and the entry removed. A new message when the history is empty has not been
 * delivered: the merger switches. Old messages are still delivered, and appended to the
 * history, so that whichever connection is faster is the one that delivers; if the
 * history is full, the old side is muted instead, which is safe because everything it
 * would still send also arrives on the new side.</li>
 * <li><em>Switched.</em> The new connection is the only source: new messages are
 * delivered at once and old messages are dropped as duplicates.</li>
 * </ol>
 * If the old side ends while still aligning with something buffered, nothing buffered was
 * delivered by it (otherwise it would have aligned), so the new side starts where the old
 * one stopped: the whole buffer is delivered and the merger switches. If the buffer is
 * empty, the new side's first message is still to come and may be one the old side
 * delivered: the merger keeps its history and lets that message decide, aligning on it if
 * it is in the history and switching otherwise. If the old side delivered nothing, there
 * is nothing to skip and the merger switches at once; a topic on which nothing was
 * published during the handover ends this way.
 *
 * <h2>Limits</h2>
 * <ul>
 * <li>Messages are compared by key only. Keys within the overlap window must be distinct:
 * identical messages published close together (the same text twice around the switch
 * point) can be aligned on the wrong occurrence, which delivers duplicates or, when the
 * new side is ahead, loses the first of them. A mismatch detected after alignment
 * switches to the new side and sets {@link #misaligned()}, erring towards duplicates
 * rather than loss.</li>
 * <li>The buffer and the history hold at most {@code maxBuffered} entries each, and the
 * buffer at most {@code maxBufferedBytes} (the history holds keys only, which a caller
 * keeps small by digesting messages). When the new side gets that far ahead of the old
 * one without alignment, or it switches without alignment after the history was cut (so
 * the new side's first message may be one that fell out of it), the merger switches
 * anyway and reports {@link #overflowed()}: messages may have been lost or
 * duplicated.</li>
 * <li>{@link #forceSwitch()} (a timeout) gives up on alignment and may lose or duplicate
 * messages in the same way. After the old side ended with nothing buffered, the merger is
 * not switched until the new side's first message arrives; on a quiet topic a caller that
 * wants to drop the merger calls {@code forceSwitch()} after a while.</li>
 * </ul>
 *
 * <p>
 * Not thread-safe: the two connections are read by different threads, so the caller holds
 * one lock around every call for the topic. {@code deliver} runs under that lock, must
 * not call back into this merger, and should not throw; a message whose delivery threw
 * counts as delivered.
 *
 * @param <M> the message type
 */
final class HandoverMerger<M> {

	private final Function<M, String> key;

	private final Consumer<M> deliver;

	private final int maxBuffered;

	private final ToIntFunction<M> size;

	private final long maxBufferedBytes;

	/** What the buffer holds, as {@link #size} counts it. */
	private long bufferedBytes;

	/**
	 * Keys the old side delivered. While aligning: the most recent ones, oldest first.
	 * Once aligned: those the new side has yet to repeat, in the order it will repeat
	 * them.
	 */
	private final ArrayDeque<String> history = new ArrayDeque<>();

	/**
	 * While aligning: for each key in the history, the old-side position of its latest
	 * occurrence.
	 */
	private final Map<String, Long> positions = new HashMap<>();

	/**
	 * While aligning: how many messages the old side delivered, which is the position of
	 * the next one.
	 */
	private long oldDelivered;

	/** New-side messages held back while aligning, oldest first. */
	private final ArrayDeque<Pending<M>> buffer = new ArrayDeque<>();

	private State state = State.ALIGNING;

	private boolean oldEnded;

	private boolean oldMuted;

	private boolean historyCut;

	private boolean overflowed;

	private boolean misaligned;

	private long duplicatesSuppressed;

	/**
	 * Creates a merger for one topic.
	 * @param key the key messages are compared by, for example their text
	 * @param deliver receives each message once, in publish order
	 * @param maxBuffered the most new-side messages held back, and the most old-side keys
	 * remembered
	 * @param size a message's size, for the bound on what is held back
	 * @param maxBufferedBytes the most bytes of new-side messages held back: past it, as
	 * past {@code maxBuffered} messages, the merger switches and reports
	 * {@link #overflowed()}
	 */
	HandoverMerger(Function<M, String> key, Consumer<M> deliver, int maxBuffered, ToIntFunction<M> size,
			long maxBufferedBytes) {
		if (maxBuffered < 1) {
			throw new IllegalArgumentException("maxBuffered must be at least 1, was " + maxBuffered);
		}
		this.key = Objects.requireNonNull(key, "key");
		this.deliver = Objects.requireNonNull(deliver, "deliver");
		this.maxBuffered = maxBuffered;
		this.size = Objects.requireNonNull(size, "size");
		this.maxBufferedBytes = maxBufferedBytes;
	}

	/**
	 * A message of this topic arrived on the old connection. Ignored after
	 * {@link #oldEnded()}.
	 * @param message the message
	 */
	void fromOld(M message) {
		if (this.oldEnded) {
			// Nothing should come after the end; whatever does cannot be placed.
			return;
		}
		if (this.state == State.ALIGNING) {
			aligningFromOld(message);
		}
		else if (this.state == State.ALIGNED && !this.oldMuted && this.history.size() < this.maxBuffered) {
			this.history.addLast(this.key.apply(message));
			this.deliver.accept(message);
		}
		else {
			// Aligned or switched: by the suffix property the new side sends this message
			// too.
			if (this.state == State.ALIGNED) {
				// Delivering a later old message after skipping this one would break the
				// order.
				this.oldMuted = true;
			}
			this.duplicatesSuppressed++;
		}
	}

	/**
	 * A message of this topic arrived on the new connection.
	 * @param message the message
	 */
	void fromNew(M message) {
		if (this.state == State.SWITCHED) {
			this.deliver.accept(message);
		}
		else if (this.state == State.ALIGNED) {
			alignedFromNew(message, this.key.apply(message));
		}
		else {
			aligningFromNew(message);
		}
	}

	/**
	 * The old connection will deliver nothing more for this topic: it closed, or its
	 * UNLISTEN was confirmed.
	 */
	void oldEnded() {
		if (this.oldEnded) {
			return;
		}
		this.oldEnded = true;
		if (this.state == State.ALIGNING) {
			if (this.buffer.isEmpty() && !this.history.isEmpty()) {
				// The new side's first message is still to come and may be one the old
				// side delivered.
				return;
			}
			switchUnaligned();
		}
		else if (this.state == State.ALIGNED && this.history.isEmpty()) {
			this.state = State.SWITCHED;
		}
	}

	/**
	 * Gives up aligning, after a timeout: delivers what the new side buffered that the
	 * old side did not deliver, and switches. Messages may be lost or duplicated.
	 */
	void forceSwitch() {
		if (this.state == State.ALIGNING) {
			// Had the old side delivered any of the buffer, it would have aligned on it.
			switchDeliveringBuffer();
		}
		else if (this.state == State.ALIGNED) {
			// New-side repeats of what is left in the history will be delivered again.
			this.history.clear();
			this.state = State.SWITCHED;
		}
	}

	/**
	 * Whether the new connection is the only source: {@link #fromOld} drops,
	 * {@link #fromNew} delivers at once.
	 * @return {@code true} once switched
	 */
	boolean isSwitched() {
		return this.state == State.SWITCHED;
	}

	/**
	 * How many new-side messages are held back, not yet delivered.
	 * @return the size of the buffer
	 */
	int bufferedFromNew() {
		return this.buffer.size();
	}

	/**
	 * How many messages were recognised as duplicates and dropped. Without loss or
	 * misalignment that is the size of the overlap, {@code c - k}.
	 * @return the count of dropped messages
	 */
	long duplicatesSuppressed() {
		return this.duplicatesSuppressed;
	}

	/**
	 * Whether the merger switched without full alignment because a bound was hit (the
	 * buffer overflowed, or the history had been cut), so messages may have been lost or
	 * duplicated.
	 * @return {@code true} after an overflow
	 */
	boolean overflowed() {
		return this.overflowed;
	}

	/**
	 * Whether, after alignment, a new-side message differed from the one the old side
	 * delivered at the same place: the streams broke the suffix property or repeated a
	 * key. The merger then switched, so messages may have been duplicated.
	 * @return {@code true} after a mismatch
	 */
	boolean misaligned() {
		return this.misaligned;
	}

	private void aligningFromOld(M message) {
		String key = this.key.apply(message);
		Pending<M> head = this.buffer.peekFirst();
		if (head != null && head.key().equals(key)) {
			// The new side was faster: this is its first message, delivered once, from
			// here.
			this.positions.clear();
			this.history.clear();
			this.history.addLast(key);
			this.state = State.ALIGNED;
			this.deliver.accept(message);
			Pending<M> next;
			while ((next = takeHeld()) != null) {
				fromNew(next.message(), next.key());
			}
			return;
		}
		if (this.history.size() == this.maxBuffered) {
			String evicted = this.history.removeFirst();
			this.positions.remove(evicted, this.oldDelivered - this.maxBuffered);
			this.historyCut = true;
		}
		this.history.addLast(key);
		this.positions.put(key, this.oldDelivered);
		this.oldDelivered++;
		this.deliver.accept(message);
	}

	private void aligningFromNew(M message) {
		String key = this.key.apply(message);
		Long position = this.positions.get(key);
		if (position == null) {
			hold(new Pending<>(message, key, this.size.applyAsInt(message)));
			if (this.buffer.size() > this.maxBuffered || this.bufferedBytes > this.maxBufferedBytes) {
				this.overflowed = true;
				switchUnaligned();
			}
			else if (this.oldEnded) {
				// The old side stopped before this message: the new side starts where it
				// stopped.
				switchUnaligned();
			}
			return;
		}
		// The old side was faster. Anything buffered precedes this message in publish
		// order, so the old side
		// delivered it too, long enough ago to have fallen out of the history.
		this.duplicatesSuppressed += this.buffer.size();
		this.buffer.clear();
		this.bufferedBytes = 0;
		for (long first = this.oldDelivered - this.history.size(); first < position; first++) {
			this.history.removeFirst();
		}
		this.positions.clear();
		this.state = State.ALIGNED;
		alignedFromNew(message, key);
	}

	private void fromNew(M message, String key) {
		if (this.state == State.SWITCHED) {
			this.deliver.accept(message);
		}
		else {
			alignedFromNew(message, key);
		}
	}

	private void alignedFromNew(M message, String key) {
		String expected = this.history.peekFirst();
		if (expected == null) {
			this.state = State.SWITCHED;
			this.deliver.accept(message);
		}
		else if (expected.equals(key)) {
			this.history.removeFirst();
			this.duplicatesSuppressed++;
			if (this.history.isEmpty() && (this.oldEnded || this.oldMuted)) {
				this.state = State.SWITCHED;
			}
		}
		else {
			// The streams broke the assumptions; delivering from here on errs towards
			// duplicates rather than loss.
			this.misaligned = true;
			this.history.clear();
			this.state = State.SWITCHED;
			this.deliver.accept(message);
		}
	}

	private void switchUnaligned() {
		if (this.historyCut) {
			// The buffer's head may be a message the old side delivered before it fell
			// out of the history.
			this.overflowed = true;
		}
		switchDeliveringBuffer();
	}

	private void switchDeliveringBuffer() {
		this.state = State.SWITCHED;
		this.history.clear();
		this.positions.clear();
		Pending<M> next;
		while ((next = takeHeld()) != null) {
			this.deliver.accept(next.message());
		}
	}

	private enum State {

		/** New-side messages are buffered until one is found on the old side. */
		ALIGNING,

		/**
		 * The new side is repeating what the old side delivered; the first to send a
		 * message delivers it.
		 */
		ALIGNED,

		/** The new side is the only source. */
		SWITCHED

	}

	private void hold(Pending<M> pending) {
		this.buffer.addLast(pending);
		this.bufferedBytes += pending.size();
	}

	private @Nullable Pending<M> takeHeld() {
		Pending<M> next = this.buffer.pollFirst();
		if (next != null) {
			this.bufferedBytes -= next.size();
		}
		return next;
	}

	private record Pending<M>(M message, String key, int size) {
	}

}
