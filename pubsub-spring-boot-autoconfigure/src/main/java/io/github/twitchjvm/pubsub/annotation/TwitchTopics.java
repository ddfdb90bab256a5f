package io.github.twitchjvm.pubsub.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link TwitchTopic} annotations on one method; written by the compiler
 * when {@code @TwitchTopic} is repeated.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TwitchTopics {

	/**
	 * The annotations.
	 * @return the annotations
	 */
	TwitchTopic[] value();

}
