/**
 * Logging that a hostile or broken peer cannot flood or forge:
 * {@link io.github.twitchjvm.core.log.RateLimitedLog} (once per interval and key,
 * counting what it suppressed) and {@link io.github.twitchjvm.core.log.LogText} (text
 * from the network made safe to log).
 */
@NullMarked
package io.github.twitchjvm.core.log;

import org.jspecify.annotations.NullMarked;
