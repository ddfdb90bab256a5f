package io.github.twitchjvm.pubsub.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a handler of a Twitch PubSub topic family. The method is
 * registered with the auto-configured client once all singletons exist, and listens from
 * the client's start.
 *
 * <pre class="code">
 * &#64;TwitchTopic("whispers")
 * void onWhisper(WhisperEvent.Received whisper) { ... }
 *
 * &#64;TwitchTopic(value = "channel-points-channel-v1", channelId = { "44322889", "${bot.second-channel}" })
 * void onRedemption(ChannelPointsEvent.RewardRedeemed redemption, Topic topic) { ... }
 * </pre>
 *
 * <p>
 * Parameters are resolved by type, in any order: the family's payload type (or one of its
 * variants, which then receives only that variant), {@code PubSubMessage}, Jackson's
 * {@code JsonNode} (the message's JSON), {@code String} (the raw message), {@code UUID}
 * (the subscription) and {@code Topic}. Attributes may use {@code ${...}} placeholders
 * and {@code #{...}} expressions, resolved once at startup; an expression may give
 * several ids. An id left out is the application's user: {@code twitch.pubsub.user-id},
 * or {@code PubSubConnectionDetails.userId()} of a connection details bean. Mistakes fail
 * the startup with a report naming the method.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(TwitchTopics.class)
public @interface TwitchTopic {

	/**
	 * The topic family: its prefix as on the wire ({@code "whispers"},
	 * {@code "channel-bits-events-v2"}, {@code "chat_moderator_actions"}) or its
	 * {@code TopicType} name ({@code "WHISPERS"}). Leave it empty when {@link #topic()}
	 * is set.
	 * @return the family
	 */
	String value() default "";

	/**
	 * The {@code user_id} of the family's topic (whispers, moderator actions, user
	 * moderation notifications).
	 * @return one or more user ids
	 */
	String[] userId() default {};

	/**
	 * The {@code channel_id} of the family's topic (bits, channel points, subscriptions
	 * and the two-id families).
	 * @return one or more channel ids
	 */
	String[] channelId() default {};

	/**
	 * The {@code moderator_id} of the family's topic (AutoMod queue, low-trust users).
	 * @return one or more moderator ids
	 */
	String[] moderatorId() default {};

	/**
	 * A whole topic string that Twitch never documented, such as
	 * {@code "video-playback-by-id.44322889"}, delivered raw (parameters of type
	 * {@code PubSubMessage}, {@code JsonNode}, {@code String}). Excludes the other
	 * attributes.
	 * @return the topic
	 */
	String topic() default "";

	/**
	 * The listener's id, for logs and metrics; {@code beanName#methodName} by default.
	 * @return the id
	 */
	String id() default "";

	/**
	 * The name of a {@link TwitchTopicErrorHandler} bean that handles what the method
	 * throws. By default the failure is logged (rate-limited) and counted, and delivery
	 * goes on.
	 * @return a bean name
	 */
	String errorHandler() default "";

}
