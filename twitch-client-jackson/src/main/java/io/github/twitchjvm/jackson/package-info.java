/**
 * The conventions the PubSub and EventSub payload models share for Twitch's JSON:
 * {@link io.github.twitchjvm.jackson.TwitchJson}'s mapper set-up, absent values in place
 * of failures ({@link io.github.twitchjvm.jackson.AbsentValues},
 * {@link io.github.twitchjvm.jackson.AbsentFilling},
 * {@link io.github.twitchjvm.jackson.MistypedAsAbsent},
 * {@link io.github.twitchjvm.jackson.OutOfRangeAsAbsent}), Twitch's timestamps
 * ({@link io.github.twitchjvm.jackson.TwitchTimestamps}), empty strings that mean "none"
 * ({@link io.github.twitchjvm.jackson.EmptyAsNull},
 * {@link io.github.twitchjvm.jackson.OptionalText}) and never-null collections
 * ({@link io.github.twitchjvm.jackson.Lists}).
 *
 * <p>
 * Support for the models, not an application API: the types are public only because two
 * modules use them, and they may change with the models.
 */
@NullMarked
package io.github.twitchjvm.jackson;

import org.jspecify.annotations.NullMarked;
