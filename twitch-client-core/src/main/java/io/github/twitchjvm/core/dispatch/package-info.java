/**
 * How messages reach handlers: one
 * {@link io.github.twitchjvm.core.dispatch.SubscriptionQueue} per subscription, filled by
 * a connection's reading thread and drained in order by one task at a time on the
 * {@link io.github.twitchjvm.core.dispatch.Dispatcher dispatch executor}, so that a slow
 * handler only fills its own queue and never the socket. What is lost on the way is
 * counted by {@link io.github.twitchjvm.core.dispatch.DropReason}.
 */
@NullMarked
package io.github.twitchjvm.core.dispatch;

import org.jspecify.annotations.NullMarked;
