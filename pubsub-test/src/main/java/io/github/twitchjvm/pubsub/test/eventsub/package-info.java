/**
 * The fake Twitch EventSub service: the WebSocket transport at {@code /ws} (welcome,
 * keepalives, notifications, {@code session_reconnect}, revocations, pings and Twitch's
 * close codes) and Helix's {@code /eventsub/subscriptions} with Twitch's checks, limits
 * and error bodies, on the port of the fake PubSub server. Reach it through
 * {@link io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub}, which
 * {@code FakeTwitchServer.eventSub()} returns. This package speaks JSON only: it knows no
 * client's model, so that a client's tests can depend on it.
 */
@NullMarked
package io.github.twitchjvm.pubsub.test.eventsub;

import org.jspecify.annotations.NullMarked;
