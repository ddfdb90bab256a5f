package io.github.twitchjvm.pubsub.message;

import io.github.twitchjvm.core.dispatch.PayloadDecodingException;
import io.github.twitchjvm.pubsub.topic.TopicType;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a message cannot be decoded into its typed payload: the message string is
 * not valid JSON (a whisper's inner {@code data} string included), is not one JSON
 * object, or names its discriminator twice. Odd fields never cause it: a field that is
 * missing, {@code null} or of the wrong type decodes as absent (see the package
 * documentation). The raw text stays available through {@link PubSubMessage#text()}. The
 * exception names the topic type and the reason; it never carries a token.
 */
public class MessageDecodingException extends PayloadDecodingException {

	private static final long serialVersionUID = 1L;

	private static final int MAX_REASON_LENGTH = 200;

	private final @Nullable TopicType topicType;

	/**
	 * Creates an exception for a message of the given topic type.
	 * @param topicType the topic type, or {@code null} when the topic is undocumented
	 * @param reason what is wrong
	 * @param cause the underlying parser error, if any
	 */
	public MessageDecodingException(@Nullable TopicType topicType, @Nullable String reason, @Nullable Throwable cause) {
		super("Cannot decode " + ((topicType != null) ? topicType.prefix() : "undocumented topic") + " message: "
				+ shorten(reason), cause);
		this.topicType = topicType;
	}

	/**
	 * A parser's reason can quote message content (a whisper's text); logs need the
	 * reason, not the content.
	 */
	private static String shorten(@Nullable String reason) {
		if (reason == null) {
			return "unknown reason";
		}
		return (reason.length() <= MAX_REASON_LENGTH) ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
	}

	/**
	 * The topic type of the message that could not be decoded.
	 * @return the topic type, or {@code null} for an undocumented topic
	 */
	public @Nullable TopicType topicType() {
		return this.topicType;
	}

}
