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
 * A timestamp or enum value Twitch sends as {@code ""} when it has none (for example
 * {@code created_at} of older moderation actions): {@code null} in the model, written
 * back as {@code ""}. Reading needs nothing: empty timestamps and empty evaluations
 * already read as {@code null}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(nullsUsing = AbsentValueWriters.EmptyString.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@interface WrittenEmptyWhenAbsent {

}
