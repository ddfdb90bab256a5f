package io.github.twitchjvm.eventsub.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Holds several {@link TwitchEvent} annotations on one method; written by the compiler
 * when {@code @TwitchEvent} is repeated.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TwitchEvents {

	/**
	 * The annotations.
	 * @return the annotations
	 */
	TwitchEvent[] value();

}
