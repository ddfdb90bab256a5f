/**
 * What arrives on a topic: the raw envelope
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage} and an immutable, typed model
 * of every documented payload, one sealed family per topic type.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>Every family is a sealed interface extending
 * {@link io.github.twitchjvm.pubsub.message.PubSubPayload}; its variants are records
 * nested in it. Each family with an inner discriminator ({@code type},
 * {@code message_type} or {@code context}) has an {@code Unknown} variant that keeps the
 * discriminator and the raw JSON, so a new Twitch message type never fails decoding. A
 * message whose discriminator is missing, {@code null} or not a string is {@code Unknown}
 * too ({@code type()} is {@code null} when it was missing or {@code null}).</li>
 * <li>Absent values are {@code null} in components annotated {@code @Nullable}; that
 * includes strings Twitch sends empty to mean "absent" (for example
 * {@code target_user_login}, {@code resolver_id}) and timestamps that are empty or Go's
 * zero time {@code 0001-01-01T00:00:00Z}. Lists and maps are never {@code null}: absent
 * means empty.</li>
 * <li>Decoding is lenient about every other field, because Twitch left out fields it
 * usually sent (a moderation action without {@code created_by_user_id}, an old whisper
 * without {@code thread_id}) and no real message may be lost to strictness. A field that
 * is missing, {@code null}, of the wrong JSON type (an object where a string belongs, a
 * word where a number or a timestamp belongs) or out of range (a fraction or a number too
 * large for a count) decodes as absent: {@code null} where the component is
 * {@code @Nullable}, otherwise the empty value of its type, never {@code null}:
 * {@code ""}, {@code 0}, {@code false}, an empty list or map, the enum's
 * {@code UNRECOGNIZED}, {@link java.time.Instant#EPOCH} for a point in time, and for a
 * nested record (a whisper's {@code tags}, a redemption's {@code reward}) the record
 * whose components are all absent. A known message type without its {@code data} object
 * is its variant with every field absent. Numbers written as text ({@code "250"}) are
 * read as numbers.</li>
 * <li>What still fails decoding, with a
 * {@link io.github.twitchjvm.pubsub.message.MessageDecodingException}: text that is not
 * JSON (including a whisper's inner {@code data} string), JSON that is not one object,
 * and a discriminator given twice. The raw text stays available through
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage#text()}.</li>
 * <li>Records built in code are strict: a constructor given {@code null} for a component
 * that is not {@code @Nullable} throws {@link java.lang.NullPointerException}; only
 * decoding fills in absent values.</li>
 * <li>Timestamps are {@link java.time.Instant}, counts are {@code int} or {@code long},
 * ids are {@code String} (even where Twitch sends them as JSON numbers).</li>
 * <li>Values from a closed set are enums with an {@code UNRECOGNIZED} constant for values
 * Twitch added later; the raw text of the message stays available through
 * {@link io.github.twitchjvm.pubsub.message.PubSubMessage#text()}.</li>
 * <li>Unknown JSON fields are ignored.</li>
 * <li>Every record encodes back to the wire shape with
 * {@link io.github.twitchjvm.pubsub.message.PayloadCodec#encode(io.github.twitchjvm.pubsub.topic.TopicType, PubSubPayload)},
 * absent values written as Twitch wrote them ({@code ""} or the zero time where Twitch
 * did). The empty value a decoded message got for a field it lacked is written as that
 * value ({@code ""}, {@code 0}, {@code 1970-01-01T00:00:00Z}).</li>
 * </ul>
 */
@NullMarked
package io.github.twitchjvm.pubsub.message;

import org.jspecify.annotations.NullMarked;
