/**
 * The client: {@link io.github.twitchjvm.pubsub.PubSubClient} with one {@code listen*}
 * method per documented topic, its builder, the handler and state listener callbacks, the
 * read-only state snapshot, and the exceptions, all under
 * {@link io.github.twitchjvm.pubsub.PubSubException}.
 *
 * <p>
 * The connection engine behind the client (sockets, sharding, reconnection, handover on
 * RECONNECT, ordered dispatch) is package-private here, so that the public surface is
 * only what an application uses.
 */
@NullMarked
package io.github.twitchjvm.pubsub;

import org.jspecify.annotations.NullMarked;
