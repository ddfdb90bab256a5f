package io.github.twitchjvm.pubsub.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link io.github.twitchjvm.pubsub.test.FakeTwitchServer} with default settings
 * on free ports once for the test class, injects it into test and lifecycle methods that
 * declare a parameter of that type (or of
 * {@link io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub}, its EventSub controls),
 * resets its faults, counters and recorded frames before each test, and stops it after
 * the class.
 *
 * <pre class="code">
 * &#64;FakeTwitch
 * class WhisperTests {
 *
 *     &#64;Test
 *     void receivesAWhisper(FakeTwitchServer server) { ... }
 * }
 * </pre>
 *
 * For other settings, register {@link FakeTwitchExtension} in a static field instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FakeTwitchExtension.class)
public @interface FakeTwitch {

}
