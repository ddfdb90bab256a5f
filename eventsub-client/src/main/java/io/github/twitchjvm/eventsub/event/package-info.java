/**
 * What an EventSub notification carries: an immutable, typed model of the event of every
 * subscription type that replaces a PubSub topic family
 * ({@link io.github.twitchjvm.eventsub.event.EventSubTypes}),
 * {@link io.github.twitchjvm.eventsub.event.UnknownEvent} for every other type or
 * version, the envelope records ({@link io.github.twitchjvm.eventsub.event.Notification},
 * {@link io.github.twitchjvm.eventsub.event.MessageMetadata},
 * {@link io.github.twitchjvm.eventsub.event.SubscriptionInfo}) and the
 * {@link io.github.twitchjvm.eventsub.event.EventSubCodec}.
 *
 * <h2>Conventions (the PubSub model's, for flat JSON)</h2>
 * <ul>
 * <li>One record per subscription type and version, all permitted by the sealed
 * {@link io.github.twitchjvm.eventsub.event.EventSubEvent}. A type or version without a
 * record decodes to an {@code UnknownEvent} that keeps the JSON text, never to an
 * exception.</li>
 * <li>Twitch's flat user triples ({@code <prefix>_user_id}, {@code _login},
 * {@code _name}) are one {@link io.github.twitchjvm.eventsub.event.User} component. A
 * user Twitch may leave out (an anonymous cheer or gift, the source channel outside
 * Shared Chat) is {@code @Nullable} and {@code null} when the event has no id for
 * it.</li>
 * <li>Absent values are {@code null} in components annotated {@code @Nullable}, including
 * strings Twitch sends empty to mean "none" ({@code user_input}, {@code color}). A field
 * that is missing, {@code null}, of the wrong JSON type (an object where a string
 * belongs) or out of range decodes as absent: {@code null} where the component is
 * {@code @Nullable}, otherwise the empty value of its type: {@code ""}, {@code 0},
 * {@code false}, an empty list or map, the enum's {@code UNRECOGNIZED},
 * {@link java.time.Instant#EPOCH} for a point in time, and for a nested record the record
 * whose components are all absent. Numbers written as text are read as numbers. Unknown
 * fields are ignored.</li>
 * <li>Values from an open set (status, tier, notice type, action, reason...) are enums
 * with an {@code UNRECOGNIZED} constant for values Twitch adds later; Twitch's lower-case
 * values map to the upper-case constants. The raw JSON stays available through
 * {@link io.github.twitchjvm.eventsub.event.Notification#raw()}.</li>
 * <li>What fails decoding, with an
 * {@link io.github.twitchjvm.eventsub.event.EventDecodingException}: text that is not
 * JSON, or not one JSON object, for a typed type.</li>
 * <li>Timestamps are {@link java.time.Instant} with Twitch's nanoseconds, read from RFC
 * 3339 (with {@code Z} or an offset) and written back in UTC with every digit they
 * have.</li>
 * <li>Records are immutable: lists and maps are copied and unmodifiable, never
 * {@code null}. Records built in code are strict: a constructor given {@code null} for a
 * component that is not {@code @Nullable} throws {@link java.lang.NullPointerException};
 * only decoding fills in absent values.</li>
 * <li>Every record encodes back to Twitch's shape with
 * {@link io.github.twitchjvm.eventsub.event.EventSubCodec#encode(EventSubEvent)}; absent
 * objects and users are left out rather than written as {@code null}.</li>
 * </ul>
 */
@NullMarked
package io.github.twitchjvm.eventsub.event;

import org.jspecify.annotations.NullMarked;
