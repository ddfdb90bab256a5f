package io.github.twitchjvm.pubsub.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.twitchjvm.jackson.AbsentValueWriters;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A timestamp Twitch sends as Go's zero time {@code 0001-01-01T00:00:00Z} when it has
 * none (low-trust {@code evaluated_at}): {@code null} in the model, written back as the
 * zero time.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(nullsUsing = AbsentValueWriters.GoZeroTime.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@interface WrittenZeroTimeWhenAbsent {

}
