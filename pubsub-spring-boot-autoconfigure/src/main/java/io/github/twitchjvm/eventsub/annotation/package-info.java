/**
 * {@link io.github.twitchjvm.eventsub.annotation.TwitchEvent @TwitchEvent} listener
 * methods: discovered on beans, resolved once at startup, subscribed through the
 * auto-configured EventSub client.
 */
@NullMarked
package io.github.twitchjvm.eventsub.annotation;

import org.jspecify.annotations.NullMarked;
