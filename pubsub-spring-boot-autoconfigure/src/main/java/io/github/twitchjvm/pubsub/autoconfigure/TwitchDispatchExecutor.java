package io.github.twitchjvm.pubsub.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the {@link java.util.concurrent.Executor} bean that runs every handler of the
 * auto-configured client ({@code @TwitchTopic} methods and subscriptions made on the
 * client bean). Without one, {@code twitch.pubsub.dispatch.executor} decides. Other
 * {@code Executor} beans of the application are never used: an application often has
 * several, for other purposes.
 *
 * <pre class="code">
 * &#64;Bean
 * &#64;TwitchDispatchExecutor
 * Executor twitchHandlers() {
 *     return Executors.newVirtualThreadPerTaskExecutor();
 * }
 * </pre>
 *
 * <p>
 * Each subscription still gets its messages in order, one at a time, whatever the
 * executor. The client waits for it on stop
 * ({@code twitch.pubsub.dispatch.drain-timeout}) but never shuts it down.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface TwitchDispatchExecutor {

}
