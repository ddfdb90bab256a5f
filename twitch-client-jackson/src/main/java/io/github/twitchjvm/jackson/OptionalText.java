package io.github.twitchjvm.jackson;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A string Twitch sends empty, rather than leaving out, when it has no value (for example
 * PubSub's {@code target_user_login}, or a chatter's {@code color} in EventSub): read as
 * {@code null}, written back as {@code ""}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonDeserialize(using = EmptyAsNull.class)
@JsonSerialize(nullsUsing = AbsentValueWriters.EmptyString.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public @interface OptionalText {

}
