/**
 * What arrives on a topic: the raw envelope
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage} and an immutable, typed model
 * of every documented payload, one sealed family per topic type.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Every family is a sealed interface extending
 * {@link io.github.twitchjvm.pubsub.message.PubSubPayload}; its variants are records
 * nested in it. Each family with an inner discriminator has an {@code Unknown} variant
 * that keeps the discriminator and the raw JSON, so a new Twitch message type never fails
 * decoding.</li>
 * <li>Absent values are {@code null} and annotated {@code @Nullable}; that includes
 * strings Twitch sends empty to mean "absent" (for example {@code target_user_login},
 * {@code resolver_id}) and timestamps that are empty or Go's zero time
 * {@code 0001-01-01T00:00:00Z}. Lists and maps are never {@code null}: absent means
 * empty.</li>
 * <li>Components not marked {@code @Nullable} are required: a message without one fails
 * decoding with a {@link io.github.twitchjvm.pubsub.message.MessageDecodingException},
 * and constructing a record without one throws
 * {@link java.lang.NullPointerException}.</li>
 * <li>Timestamps are {@link java.time.Instant}, counts are {@code int} or {@code long},
 * ids are {@code String} (even where Twitch sends them as JSON numbers).</li>
 * <li>Values from a closed set are enums with an {@code UNRECOGNIZED} constant for values
 * Twitch added later; the raw text of the message stays available through
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage#text()}.</li>
 * <li>Unknown JSON fields are ignored; a key given twice and a fraction where a count
 * belongs are errors.</li>
 * <li>Every record encodes back to the wire shape with
 * {@link io.github.twitchjvm.pubsub.message.PayloadCodec#encode(io.github.twitchjvm.pubsub.topic.TopicType, PubSubPayload)},
 * absent values written as Twitch wrote them ({@code ""} or the zero time where Twitch
 * did).</li>
 * </ul>
 */
@NullMarked
package io.github.twitchjvm.pubsub.message;

import org.jspecify.annotations.NullMarked;
