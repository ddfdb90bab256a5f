/**
 * The fake Twitch server as a Testcontainers container: {@link FakeTwitchContainer}, its
 * control API as Java methods, and Spring Boot's {@code @ServiceConnection} support for
 * the starter's PubSub and EventSub connection details.
 */
@NullMarked
package io.github.twitchjvm.pubsub.testcontainers;

import org.jspecify.annotations.NullMarked;
