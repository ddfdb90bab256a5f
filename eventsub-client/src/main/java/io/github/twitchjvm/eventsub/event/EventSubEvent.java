package io.github.twitchjvm.eventsub.event;

/**
 * The event of one EventSub notification ({@code payload.event}): a typed record for
 * every subscription type that replaces a PubSub topic family ({@link EventSubTypes}),
 * {@link UnknownEvent} for any other type or version.
 *
 * <pre>{@code
 * EventSubEvent event = EventSubCodec.standard().decodeEvent("channel.cheer", "1", eventJson);
 * if (event instanceof ChannelCheerEvent cheer) {
 *     System.out.println(cheer.bits() + " bits from " + cheer.user());
 * }
 * }</pre>
 */
public sealed interface EventSubEvent
		permits WhisperReceivedEvent, ChannelCheerEvent, ChannelBitsUseEvent, ChannelChatNotificationEvent,
		CustomRewardRedemptionAddEvent, CustomRewardRedemptionUpdateEvent, AutomaticRewardRedemptionAddEvent,
		ChannelSubscribeEvent, ChannelSubscriptionMessageEvent, ChannelSubscriptionGiftEvent, ChannelModerateEvent,
		AutomodMessageHoldEvent, AutomodMessageUpdateEvent, ChatUserMessageHoldEvent, ChatUserMessageUpdateEvent,
		SuspiciousUserMessageEvent, SuspiciousUserUpdateEvent, UnknownEvent {

}
