/**
 * A Twitch EventSub client over WebSocket:
 * {@link io.github.twitchjvm.eventsub.EventSubClient}, built with
 * {@link io.github.twitchjvm.eventsub.EventSubClientBuilder}.
 */
@NullMarked
package io.github.twitchjvm.eventsub;

import org.jspecify.annotations.NullMarked;
