/**
 * A faithful fake of Twitch's PubSub WebSocket service and of its OAuth endpoints, for
 * tests, demos and clients in any language, since Twitch switched the real service off on
 * 2025-04-14; and, on the same port, of its replacement, EventSub over WebSocket with
 * Helix's subscription endpoints ({@link io.github.twitchjvm.pubsub.test.eventsub}).
 *
 * <p>
 * Start it with {@link io.github.twitchjvm.pubsub.test.FakeTwitchServer#start()}, in a
 * JUnit Jupiter test with
 * {@link io.github.twitchjvm.pubsub.test.junit.FakeTwitch @FakeTwitch}, or standalone
 * with {@link io.github.twitchjvm.pubsub.test.FakeTwitchServerMain}.
 */
@NullMarked
package io.github.twitchjvm.pubsub.test;

import org.jspecify.annotations.NullMarked;
