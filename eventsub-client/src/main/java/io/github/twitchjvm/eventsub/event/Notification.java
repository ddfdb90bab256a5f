package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An EventSub notification: the message's metadata, the subscription it belongs to and
 * its event, typed and as the raw JSON text.
 *
 * @param <E> the event's type
 * @param metadata the message's metadata (id, timestamp, subscription type and version)
 * @param subscription the subscription
 * @param event the typed event, or an {@link UnknownEvent}
 * @param raw the event object's JSON text
 */
public record Notification<E extends EventSubEvent>(MessageMetadata metadata, SubscriptionInfo subscription, E event,
		String raw) {

	public Notification {
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(subscription, "subscription");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(raw, "raw");
	}

	/**
	 * The message id, the key for deduplication.
	 * @return the id
	 */
	public String messageId() {
		return this.metadata.messageId();
	}

	/**
	 * When Twitch sent the message.
	 * @return the timestamp, with nanoseconds
	 */
	public Instant messageTimestamp() {
		return this.metadata.messageTimestamp();
	}

}
