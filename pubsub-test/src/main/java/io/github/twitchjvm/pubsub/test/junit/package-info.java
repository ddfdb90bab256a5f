/**
 * JUnit Jupiter support:
 * {@link io.github.twitchjvm.pubsub.test.junit.FakeTwitch @FakeTwitch} starts a
 * {@link io.github.twitchjvm.pubsub.test.FakeTwitchServer} for a test class and injects
 * it.
 */
@NullMarked
package io.github.twitchjvm.pubsub.test.junit;

import org.jspecify.annotations.NullMarked;
