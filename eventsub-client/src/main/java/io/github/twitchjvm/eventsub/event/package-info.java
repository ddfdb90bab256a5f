/**
 * What an EventSub notification carries: an immutable, typed model of the event of every
 * subscription type that replaces a PubSub topic family, and
 * {@link io.github.twitchjvm.eventsub.event.UnknownEvent} for every other type.
 */
@NullMarked
package io.github.twitchjvm.eventsub.event;

import org.jspecify.annotations.NullMarked;
