/**
 * Where access tokens come from: the
 * {@link io.github.twitchjvm.core.auth.TwitchTokenProvider} SPI, the
 * {@link io.github.twitchjvm.core.auth.AccessToken} value with a redacted
 * {@code toString()}, and a {@link io.github.twitchjvm.core.auth.StaticTokenProvider} for
 * fixed tokens.
 */
@NullMarked
package io.github.twitchjvm.core.auth;

import org.jspecify.annotations.NullMarked;
