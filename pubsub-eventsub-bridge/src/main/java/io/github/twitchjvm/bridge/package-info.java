/**
 * PubSub over EventSub: {@link io.github.twitchjvm.bridge.PubSubOverEventSub} serves
 * PubSub topics from an {@link io.github.twitchjvm.eventsub.EventSubClient}, converting
 * each EventSub notification into the PubSub message its topic family carried, so that
 * code written against {@link io.github.twitchjvm.pubsub.message.PubSubMessage} and the
 * typed PubSub payloads keeps working. {@link io.github.twitchjvm.bridge.TopicRoute} says
 * which EventSub subscriptions a topic rides on,
 * {@link io.github.twitchjvm.bridge.PayloadMigration} which payload variants and fields
 * do not arrive.
 */
@NullMarked
package io.github.twitchjvm.bridge;

import org.jspecify.annotations.NullMarked;
