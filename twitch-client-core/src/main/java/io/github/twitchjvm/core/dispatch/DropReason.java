package io.github.twitchjvm.core.dispatch;

import java.util.Locale;

/**
 * Why a message did not reach a handler. Metrics use {@link #tagValue()} as the tag.
 */
public enum DropReason {

	/** A slow handler's queue was full: its oldest message was dropped. */
	QUEUE_FULL,

	/** The message could not be decoded into the payload type the handler takes. */
	DECODE_ERROR,

	/** No subscription wants the message (any more). */
	NO_SUBSCRIBER,

	/**
	 * The message was delivered already (during a reconnect, both connections carry it).
	 */
	DUPLICATE,

	/**
	 * The message is older than the protocol's replay window (EventSub: ten minutes), so
	 * it may have been handled already; PubSub never replays and never drops for this.
	 */
	TOO_OLD;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/**
	 * @return the lower-case name, such as {@code queue_full}, for metric tags and
	 * counters
	 */
	public String tagValue() {
		return this.tag;
	}

}
