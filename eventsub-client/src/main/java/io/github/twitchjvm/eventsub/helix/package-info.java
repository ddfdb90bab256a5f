/**
 * The Helix calls that manage EventSub subscriptions:
 * {@link io.github.twitchjvm.eventsub.helix.HelixClient}, and the errors Twitch answers
 * with ({@link io.github.twitchjvm.eventsub.helix.HelixException}).
 */
@NullMarked
package io.github.twitchjvm.eventsub.helix;

import org.jspecify.annotations.NullMarked;
