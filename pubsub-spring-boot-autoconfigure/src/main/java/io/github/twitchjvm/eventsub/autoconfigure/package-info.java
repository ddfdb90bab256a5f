/**
 * Auto-configuration of the EventSub client: {@code twitch.eventsub.*} properties,
 * connection details, the client bean and its lifecycle, and application events.
 */
@NullMarked
package io.github.twitchjvm.eventsub.autoconfigure;

import org.jspecify.annotations.NullMarked;
