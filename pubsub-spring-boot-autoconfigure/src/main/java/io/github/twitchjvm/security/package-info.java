/**
 * Tokens from Spring Security's OAuth2 client: Twitch as a known provider, a
 * {@code TwitchTokenProvider} over an {@code OAuth2AuthorizedClientManager} that
 * refreshes them, with Twitch's quirks, for both protocols.
 */
@NullMarked
package io.github.twitchjvm.security;

import org.jspecify.annotations.NullMarked;
