package io.github.twitchjvm.eventsub.event;

import io.github.twitchjvm.core.dispatch.PayloadDecodingException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the event of a typed subscription type cannot be decoded: the text is not
 * JSON, or not one JSON object. Odd fields never cause it: a field that is missing,
 * {@code null}, of the wrong JSON type or an unknown enum value decodes as absent (see
 * the package documentation), and an unknown type or version is an {@link UnknownEvent}.
 * The exception names the type, the version and the parser's reason (shortened); never
 * the event's content beyond what the parser quotes.
 */
public class EventDecodingException extends PayloadDecodingException {

	private static final long serialVersionUID = 1L;

	private static final int MAX_REASON_LENGTH = 200;

	private final String type;

	private final String version;

	/**
	 * Creates the exception.
	 * @param type the subscription type
	 * @param version the subscription version
	 * @param reason what is wrong
	 * @param cause the parser's exception, if any
	 */
	public EventDecodingException(String type, String version, @Nullable String reason, @Nullable Throwable cause) {
		super("Cannot decode " + type + "@" + version + " event: " + shorten(reason), cause);
		this.type = type;
		this.version = version;
	}

	/**
	 * A parser's reason can quote the event's content (a chat message); logs need the
	 * reason, not the content.
	 */
	private static String shorten(@Nullable String reason) {
		if (reason == null) {
			return "unknown reason";
		}
		return (reason.length() <= MAX_REASON_LENGTH) ? reason : reason.substring(0, MAX_REASON_LENGTH) + "...";
	}

	/**
	 * The subscription type of the event that could not be decoded.
	 * @return for example {@code channel.cheer}
	 */
	public String type() {
		return this.type;
	}

	/**
	 * The subscription version of the event that could not be decoded.
	 * @return for example {@code 1}
	 */
	public String version() {
		return this.version;
	}

}
