package io.github.twitchjvm.eventsub;

import java.time.Instant;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.EventSubCodec;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.eventsub.session.EventSubFrame;

import org.jspecify.annotations.Nullable;

/**
 * One notification as it arrived: the envelope ({@code message_id},
 * {@code message_timestamp}, the subscription's type, version, condition and id) and the
 * event. Immutable and safe to share between threads.
 */
public final class EventSubNotification {

	private final EventSubFrame.Notification frame;

	private final Instant receivedAt;

	private volatile @Nullable EventSubEvent event;

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
	 * The typed event, decoded on first use and then kept: an instance of the record the
	 * type and version decode to ({@link EventSubCodec#eventType(String, String)}), or
	 * {@link io.github.twitchjvm.eventsub.event.UnknownEvent} for a type this version
	 * does not model.
	 * @return the event
	 * @throws io.github.twitchjvm.eventsub.event.EventDecodingException if the event of a
	 * modelled type is not a JSON object
	 */
	public EventSubEvent event() {
		EventSubEvent decoded = this.event;
		if (decoded == null) {
			decoded = EventSubCodec.standard().decodeEvent(type(), version(), rawEvent());
			this.event = decoded;
		}
		return decoded;
	}

	/**
	 * The typed event if it is of the given type.
	 * @param <E> the wanted type
	 * @param type the wanted type, such as {@code ChannelCheerEvent.class}
	 * @return the event, or {@code null} when it is of another type
	 */
	public <E extends EventSubEvent> @Nullable E event(Class<E> type) {
		EventSubEvent decoded = event();
		return type.isInstance(decoded) ? type.cast(decoded) : null;
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
