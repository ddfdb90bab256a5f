package io.github.twitchjvm.eventsub.event;

/**
 * The event of one EventSub notification ({@code payload.event}): a typed record for
 * every subscription type this library models, {@link UnknownEvent} for any other.
 */
public sealed interface EventSubEvent permits UnknownEvent {

}
