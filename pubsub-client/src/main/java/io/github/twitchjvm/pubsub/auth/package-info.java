/**
 * Where access tokens come from: the {@link io.github.twitchjvm.pubsub.auth.TwitchTokenProvider} SPI, the
 * {@link io.github.twitchjvm.pubsub.auth.AccessToken} value with a redacted {@code toString()}, and a
 * {@link io.github.twitchjvm.pubsub.auth.StaticTokenProvider} for fixed tokens.
 */
@NullMarked
package io.github.twitchjvm.pubsub.auth;

import org.jspecify.annotations.NullMarked;
