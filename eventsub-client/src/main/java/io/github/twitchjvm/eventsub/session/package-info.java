/**
 * The EventSub WebSocket protocol's frames:
 * {@link io.github.twitchjvm.eventsub.session.EventSubFrame} and the reader that parses
 * them.
 */
@NullMarked
package io.github.twitchjvm.eventsub.session;

import org.jspecify.annotations.NullMarked;
