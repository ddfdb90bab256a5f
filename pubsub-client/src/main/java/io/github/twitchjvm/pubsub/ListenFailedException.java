package io.github.twitchjvm.pubsub;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.topic.Topic;

import org.jspecify.annotations.Nullable;

/**
 * The server answered a LISTEN with an error. Subclasses name the documented codes; an
 * undocumented code is reported with this class itself.
 */
public class ListenFailedException extends PubSubException {

	private static final long serialVersionUID = 1L;

	private final String errorCode;

	/**
	 * @param topic the topic
	 * @param errorCode the RESPONSE's {@code error}, such as {@code ERR_SERVER}
	 * @param detail what the client did about it
	 * @param cause the underlying failure, or {@code null}
	 */
	public ListenFailedException(Topic topic, String errorCode, String detail, @Nullable Throwable cause) {
		super(topic, "LISTEN to " + topic + " failed with " + LogText.safe(errorCode, 64) + ": " + detail, cause);
		this.errorCode = errorCode;
	}

	/**
	 * The error code from the server's RESPONSE.
	 * @return for example {@code ERR_BADAUTH}
	 */
	public String errorCode() {
		return this.errorCode;
	}

}
