package io.github.twitchjvm.pubsub.message;

/**
 * The typed content of a message on a documented topic. Each topic family has its own
 * sealed sub-interface;
 * {@link PayloadCodec#payloadType(io.github.twitchjvm.pubsub.topic.TopicType)} tells
 * which.
 */
public sealed interface PubSubPayload permits WhisperEvent, BitsEvent, BitsBadgeUnlock, ChannelPointsEvent,
		SubscriptionEvent, ChatModeratorActionEvent, AutomodQueueEvent, UserModerationEvent, LowTrustUserEvent {

}
