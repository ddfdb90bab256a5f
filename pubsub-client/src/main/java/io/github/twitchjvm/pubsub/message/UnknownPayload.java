package io.github.twitchjvm.pubsub.message;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by the {@code Unknown} variant of every payload family: a message whose
 * inner discriminator ({@code type}, {@code message_type} or {@code context}) this
 * version does not know, or that has none (missing, {@code null} or not a string). It
 * keeps the raw JSON, so nothing is lost, and encodes back to exactly that JSON.
 */
public sealed interface UnknownPayload permits WhisperEvent.Unknown, BitsEvent.Unknown, ChannelPointsEvent.Unknown,
		SubscriptionEvent.Unknown, ChatModeratorActionEvent.Unknown, AutomodQueueEvent.Unknown,
		UserModerationEvent.Unknown, LowTrustUserEvent.Unknown {

	/**
	 * The value of the inner discriminator.
	 * @return for example {@code "automatic-reward-redeemed"}, or {@code null} if the
	 * message had none
	 */
	@Nullable String type();

	/**
	 * The inner message exactly as received.
	 * @return the JSON text
	 */
	String json();

}
