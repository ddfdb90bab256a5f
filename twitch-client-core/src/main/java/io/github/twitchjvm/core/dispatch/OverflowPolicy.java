package io.github.twitchjvm.core.dispatch;

import java.util.Locale;

/**
 * What a client does when its handlers fall so far behind that the messages waiting for
 * them reach the {@link QueueBudget}.
 */
public enum OverflowPolicy {

	/**
	 * The subscription that receives a message over the budget drops its oldest queued
	 * messages, each counted as {@link DropReason#QUEUE_FULL} and logged: the socket
	 * keeps reading, so the server never sees a slow consumer.
	 */
	DROP_OLDEST,

	/**
	 * Nothing is dropped: the client stops reading its sockets until the handlers caught
	 * up to half the budget. The server then buffers the messages instead; Twitch closes
	 * a socket whose reader stays behind (its PubSub servers did beyond about 30 buffered
	 * messages), and the client reconnects, losing what the server dropped with the
	 * socket.
	 */
	PAUSE_READING;

	private final String tag = name().toLowerCase(Locale.ROOT);

	/**
	 * @return the lower-case name, such as {@code drop_oldest}, for logs and metric tags
	 */
	public String tagValue() {
		return this.tag;
	}

}
