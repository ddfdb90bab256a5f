package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.jackson.Lists;
import io.github.twitchjvm.jackson.OptionalText;

import org.jspecify.annotations.Nullable;

/**
 * A message on {@code automod-queue.<moderator_id>.<channel_id>}: a chat message AutoMod
 * held for review, sent again each time its status changes.
 */
public sealed interface AutomodQueueEvent extends PubSubPayload
		permits AutomodQueueEvent.CaughtMessage, AutomodQueueEvent.Unknown {

	/**
	 * {@code automod_caught_message}: a held message and its status.
	 *
	 * @param id the id of this AutoMod case, or {@code null} in older frames
	 * @param contentClassification the harm category and level
	 * @param message the held message
	 * @param reasonCode why it was held ({@code "AutoModCaughtMessageReason"} or
	 * {@code "BlockedTermCaughtMessageReason"}), or {@code null} when Twitch sent it
	 * empty
	 * @param resolverId the moderator who decided, or {@code null} while pending
	 * @param resolverLogin that moderator's login, or {@code null} while pending
	 * @param status where the message stands
	 * @param caughtMessageReason the details of why it was held, or {@code null}
	 */
	record CaughtMessage(@Nullable String id, ContentClassification contentClassification, HeldMessage message,
			@OptionalText @Nullable String reasonCode, @OptionalText @Nullable String resolverId,
			@OptionalText @Nullable String resolverLogin, AutomodStatus status,
			@Nullable CaughtMessageReason caughtMessageReason) implements AutomodQueueEvent {

		public CaughtMessage {
			Objects.requireNonNull(contentClassification, "contentClassification");
			Objects.requireNonNull(message, "message");
			Objects.requireNonNull(status, "status");
		}

	}

	/**
	 * A message type this version does not know.
	 *
	 * @param type the message's {@code type}
	 * @param json the inner message as received
	 */
	record Unknown(@Nullable String type, String json) implements AutomodQueueEvent, UnknownPayload {

		public Unknown {
			Objects.requireNonNull(json, "json");
		}

	}

	/**
	 * AutoMod's classification of a held message.
	 *
	 * @param category for example {@code "swearing"} or {@code "aggression"}
	 * @param level the severity, 0 to 4
	 */
	record ContentClassification(String category, int level) {

		public ContentClassification {
			Objects.requireNonNull(category, "category");
		}

	}

	/**
	 * The held chat message.
	 *
	 * @param id the message id
	 * @param content the text and fragments
	 * @param sender who wrote it
	 * @param sentAt when it was sent
	 * @param channelId the channel, or {@code null} in older frames
	 * @param channelLogin the channel's login, or {@code null} in older frames
	 */
	record HeldMessage(String id, MessageContent content, ChatSender sender, Instant sentAt, @Nullable String channelId,
			@Nullable String channelLogin) {

		public HeldMessage {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(content, "content");
			Objects.requireNonNull(sender, "sender");
			Objects.requireNonNull(sentAt, "sentAt");
		}

	}

	/**
	 * Why AutoMod held a message.
	 *
	 * @param reason for example {@code "automod"} or {@code "blocked_term"}
	 * @param automodFailure the AutoMod finding, or {@code null}
	 * @param blockedTermFailure the blocked terms found, or {@code null}
	 */
	record CaughtMessageReason(String reason, @Nullable AutomodFailure automodFailure,
			@Nullable BlockedTermFailure blockedTermFailure) {

		public CaughtMessageReason {
			Objects.requireNonNull(reason, "reason");
		}

	}

	/**
	 * An AutoMod finding.
	 *
	 * @param category the harm category
	 * @param level the severity
	 * @param positionsInMessage where in the text
	 */
	record AutomodFailure(String category, int level, List<TextPosition> positionsInMessage) {

		public AutomodFailure {
			Objects.requireNonNull(category, "category");
			positionsInMessage = Lists.copyOf(positionsInMessage);
		}

	}

	/**
	 * The blocked terms found in a message.
	 *
	 * @param containsPrivateTerm whether one of them is private to a channel
	 * @param termsFound the terms
	 */
	record BlockedTermFailure(boolean containsPrivateTerm, List<BlockedTerm> termsFound) {

		public BlockedTermFailure {
			termsFound = Lists.copyOf(termsFound);
		}

	}

	/**
	 * A blocked term found in a message.
	 *
	 * @param isPrivate whether the term is private
	 * @param ownerChannelId the channel that blocked it
	 * @param positionsInMessage where in the text
	 * @param termId the term's id
	 * @param text the term
	 */
	record BlockedTerm(boolean isPrivate, String ownerChannelId, @Nullable TextPosition positionsInMessage,
			String termId, String text) {

		public BlockedTerm {
			Objects.requireNonNull(ownerChannelId, "ownerChannelId");
			Objects.requireNonNull(termId, "termId");
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * A span of characters in a message.
	 *
	 * @param startPos the index of the first character
	 * @param endPos the index of the last character
	 */
	record TextPosition(int startPos, int endPos) {
	}

}
