/**
 * The house rules of an engine: all of its state belongs to one thread, the
 * {@link io.github.twitchjvm.core.engine.EngineLoop}, fed by a bounded inbox and running
 * the engine's timers on the same thread, so that no engine class needs a lock and a test
 * can drive time by hand. Also the engine's tools that need no protocol: reconnect
 * {@link io.github.twitchjvm.core.engine.Backoff}, request
 * {@link io.github.twitchjvm.core.engine.Pacer pacing}, and the vocabulary of why a
 * connection is replaced ({@link io.github.twitchjvm.core.engine.ReconnectCause}).
 */
@NullMarked
package io.github.twitchjvm.core.engine;

import org.jspecify.annotations.NullMarked;
