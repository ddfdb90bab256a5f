package io.github.twitchjvm.eventsub.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a handler of a Twitch EventSub subscription type. The method is
 * registered with the auto-configured client once all singletons exist, and its
 * subscriptions are created when the client starts.
 *
 * <pre class="code">
 * &#64;TwitchEvent("channel.cheer")
 * void onCheer(ChannelCheerEvent cheer) { ... }
 *
 * &#64;TwitchEvent(value = "channel.moderate", broadcasterUserId = { "44322889", "${bot.second-channel}" })
 * void onModeration(ChannelModerateEvent action, EventSubNotification notification) { ... }
 *
 * &#64;TwitchEvent(value = "stream.online", version = "1")
 * void onStreamOnline(JsonNode event) { ... }
 * </pre>
 *
 * <p>
 * Parameters are resolved by type, in any order: the type's event record (or
 * {@code EventSubEvent} for a method of several types; a method whose event parameter is
 * one type's record receives only that type's events), {@code EventSubNotification} (the
 * envelope: message id and time, type, version, condition), Jackson's {@code JsonNode}
 * (the event's JSON), {@code String} (the event's raw JSON) and
 * {@code EventSubSubscription} (the subscription's handle). The condition's users left
 * out are the application's user: {@code twitch.eventsub.user-id} (by default
 * {@code twitch.pubsub.user-id}), or {@code EventSubConnectionDetails.userId()}; for a
 * type without a typed model, a condition that names no user gets
 * {@code broadcaster_user_id} set to that user. Attributes may use {@code ${...}}
 * placeholders and {@code #{...}} expressions, resolved once at startup; an expression
 * may give several ids, and each combination of ids is a subscription. Mistakes fail the
 * startup with a report naming the method.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TwitchEvents.class)
public @interface TwitchEvent {

	/**
	 * The subscription type, such as {@code "channel.cheer"}.
	 * @return the type
	 */
	String value();

	/**
	 * The subscription version; by default the one this library's typed model reads (for
	 * example {@code 2} for {@code channel.moderate}). Required for a type the model does
	 * not know.
	 * @return the version
	 */
	String version() default "";

	/**
	 * The condition's {@code broadcaster_user_id}.
	 * @return one or more user ids
	 */
	String[] broadcasterUserId() default {};

	/**
	 * The condition's {@code moderator_user_id}.
	 * @return one or more user ids
	 */
	String[] moderatorUserId() default {};

	/**
	 * The condition's {@code user_id} (the reading user of whispers and chat types).
	 * @return one or more user ids
	 */
	String[] userId() default {};

	/**
	 * The condition's {@code reward_id}, for the redemptions of one reward only.
	 * @return one or more reward ids
	 */
	String[] rewardId() default {};

	/**
	 * Other condition entries, as {@code key=value} (for example
	 * {@code "to_broadcaster_user_id=1337"}), for types whose condition has keys the
	 * attributes above do not name.
	 * @return the entries
	 */
	String[] condition() default {};

	/**
	 * The listener's id, for logs, metrics and the actuator endpoint;
	 * {@code beanName#methodName} by default.
	 * @return the id
	 */
	String id() default "";

	/**
	 * The name of a {@link TwitchEventErrorHandler} bean that handles what the method
	 * throws. By default the failure is logged (rate-limited) and counted, and delivery
	 * goes on.
	 * @return a bean name
	 */
	String errorHandler() default "";

}
