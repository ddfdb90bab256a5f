/**
 * The wire frames of the PubSub protocol and their codec:
 * {@link io.github.twitchjvm.pubsub.protocol.OutboundFrames} writes what the client
 * sends, {@link io.github.twitchjvm.pubsub.protocol.InboundFrames} reads what the server
 * sends into an {@link io.github.twitchjvm.pubsub.protocol.InboundFrame}.
 *
 * <p>
 * This is the only package that knows the frames' JSON shapes; the connection engine uses
 * it so that nothing else has to. It is an internal building block, not a stable API for
 * applications.
 */
@NullMarked
package io.github.twitchjvm.pubsub.protocol;

import org.jspecify.annotations.NullMarked;
