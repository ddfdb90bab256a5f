package io.github.twitchjvm.eventsub;

import java.time.Instant;
import java.util.Map;

import io.github.twitchjvm.eventsub.session.EventSubFrame;

/**
 * One notification as it arrived: the envelope ({@code message_id},
 * {@code message_timestamp}, the subscription's type, version, condition and id) and the
 * event. Immutable and safe to share between threads.
 */
public final class EventSubNotification {

	private final EventSubFrame.Notification frame;

	private final Instant receivedAt;

	EventSubNotification(EventSubFrame.Notification frame, Instant receivedAt) {
		this.frame = frame;
		this.receivedAt = receivedAt;
	}

	/**
	 * @return the message id, the same when Twitch delivers a message again (the client
	 * drops such duplicates)
	 */
	public String messageId() {
		return this.frame.messageId();
	}

	/**
	 * @return when Twitch sent it, with nanoseconds
	 */
	public Instant timestamp() {
		return this.frame.timestamp();
	}

	/**
	 * @return when the client received it
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * @return the subscription type, such as {@code channel.cheer}
	 */
	public String type() {
		return this.frame.type();
	}

	/**
	 * @return the subscription version
	 */
	public String version() {
		return this.frame.version();
	}

	/**
	 * @return the subscription's condition
	 */
	public Map<String, String> condition() {
		return this.frame.condition();
	}

	/**
	 * @return Twitch's id of the subscription it arrived for
	 */
	public String subscriptionId() {
		return this.frame.subscriptionId();
	}

	/**
	 * @return the {@code payload.event} object exactly as received
	 */
	public String rawEvent() {
		return this.frame.event();
	}

	/**
	 * Shows the envelope, not the event, which can be long and personal.
	 * @return a short description
	 */
	@Override
	public String toString() {
		return "EventSubNotification[type=" + type() + ", version=" + version() + ", messageId=" + messageId()
				+ ", event=" + rawEvent().length() + " chars]";
	}

}
