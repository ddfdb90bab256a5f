package io.github.twitchjvm.bridge;

import java.time.Instant;

import io.github.twitchjvm.eventsub.event.EventSubEvent;

/**
 * What a conversion reads of one EventSub notification: its envelope and its typed event.
 *
 * @param type the subscription type, such as {@code channel.cheer}
 * @param version the subscription version
 * @param messageId the notification's {@code message_id}
 * @param sentAt the notification's {@code message_timestamp}: when Twitch sent it, which
 * stands in for the time PubSub messages carried ({@code time}, {@code sent_ts})
 * @param event the typed event ({@link io.github.twitchjvm.eventsub.event.UnknownEvent}
 * for a type or version the model does not know)
 */
record SourceEvent(String type, String version, String messageId, Instant sentAt, EventSubEvent event) {

}
