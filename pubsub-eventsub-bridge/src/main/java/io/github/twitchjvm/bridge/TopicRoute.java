package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * How one PubSub topic rides on EventSub: the EventSub subscriptions that replace it, and
 * the fields of its family's payload that will always be absent.
 *
 * <pre>{@code
 * TopicRoute route = TopicRoute.of(Topic.parse("channel-points-channel-v1.1337"));
 * route.rides();        // channel.channel_points_custom_reward_redemption.add @1 and .update @1,
 *                       // both {broadcaster_user_id=1337}
 * route.absentFields(); // [RedemptionStatusUpdated.redemption.reward.isUserInputRequired, ...]
 * }</pre>
 *
 * @param topic the PubSub topic
 * @param rides the EventSub subscriptions it rides on, one or more
 * @param absentFields the payload fields EventSub does not carry, as
 * {@link PayloadMigration#absentFields(TopicType, Class)} names them for the family's
 * payload type
 */
public record TopicRoute(Topic topic, List<EventSubRide> rides, List<String> absentFields) {

	public TopicRoute {
		Objects.requireNonNull(topic, "topic");
		rides = List.copyOf(rides);
		absentFields = List.copyOf(absentFields);
	}

	/**
	 * The route of a topic.
	 * @param topic a PubSub topic
	 * @return its route
	 * @throws UnsupportedTopicException for an undocumented topic, which EventSub has no
	 * replacement for, and for a family without a faithful route
	 */
	public static TopicRoute of(Topic topic) {
		TopicType family = topic.type();
		if (family == null) {
			throw new UnsupportedTopicException(topic.value(), "The topic '" + topic.value()
					+ "' is undocumented: it has no EventSub replacement that PubSub over EventSub could convert to. "
					+ "Subscribe to the EventSub type that carries what you need directly, with @TwitchEvent or "
					+ "EventSubClient.subscribe(type, version, condition, handler).");
		}
		return new TopicRoute(topic, Conversions.of(family).rides(topic),
				PayloadMigration.absentFields(family, PayloadCodec.payloadType(family)));
	}

}
