/**
 * What the two listener annotation models ({@code @TwitchTopic} for PubSub,
 * {@code @TwitchEvent} for EventSub) share: resolving attribute values and naming methods
 * in startup reports. Imports nothing of the integration's other packages.
 */
@NullMarked
package io.github.twitchjvm.annotation;

import org.jspecify.annotations.NullMarked;
