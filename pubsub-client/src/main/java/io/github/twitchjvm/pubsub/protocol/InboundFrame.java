package io.github.twitchjvm.pubsub.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A frame the server sent, as read by {@link InboundFrames#parse(String)}: one record per
 * frame {@code type}, and {@link Unknown} for any other type, which a client should log
 * and otherwise ignore.
 *
 * <p>
 * Every record's {@code toString()} is safe to log: it leaves out message content, which
 * may be large or private.
 */
public sealed interface InboundFrame {

	/** The server's reply to a PING. It carries no nonce. */
	record Pong() implements InboundFrame {
	}

	/**
	 * The server is going away soon: connect anew, listen again and then close this
	 * connection. It carries no URL; the new connection goes to the same endpoint.
	 */
	record Reconnect() implements InboundFrame {
	}

	/**
	 * The answer to a LISTEN or UNLISTEN request.
	 *
	 * @param nonce the request's nonce; empty when the server sent none, which matches no
	 * request
	 * @param error empty on success, otherwise an error code such as {@code ERR_BADAUTH}
	 */
	record Response(String nonce, String error) implements InboundFrame {

		/**
		 * Creates a response.
		 * @param nonce the request's nonce, empty if none
		 * @param error the error code, empty on success
		 */
		public Response {
			Objects.requireNonNull(nonce, "nonce");
			Objects.requireNonNull(error, "error");
		}

		/**
		 * Whether the request succeeded.
		 * @return {@code true} when {@link #error()} is empty
		 */
		public boolean isSuccess() {
			return this.error.isEmpty();
		}

	}

	/**
	 * A message published on a topic.
	 *
	 * @param topic the topic, exactly as listened to
	 * @param message the inner message: a JSON document as text, still to be decoded for
	 * the topic
	 */
	record Message(String topic, String message) implements InboundFrame {

		/**
		 * Creates a message.
		 * @param topic the topic
		 * @param message the inner message text
		 */
		public Message {
			Objects.requireNonNull(topic, "topic");
			Objects.requireNonNull(message, "message");
		}

		/**
		 * Shows the topic and the message's length only: the message may be large and
		 * holds user content.
		 */
		@Override
		public String toString() {
			return "Message[topic=" + this.topic + ", message=<" + this.message.length() + " chars>]";
		}

	}

	/**
	 * The token used for some topics was revoked: they are dead on this connection and
	 * must not be listened to again with that token.
	 *
	 * @param topics the revoked topics, never {@code null}
	 */
	record AuthRevoked(List<String> topics) implements InboundFrame {

		/**
		 * Creates a frame.
		 * @param topics the revoked topics, copied
		 */
		public AuthRevoked {
			topics = List.copyOf(topics);
		}

	}

	/**
	 * A frame whose {@code type} this client does not know.
	 *
	 * @param type the frame's {@code type}
	 * @param text the whole frame as received
	 */
	record Unknown(String type, String text) implements InboundFrame {

		/**
		 * Creates a frame.
		 * @param type the frame's type
		 * @param text the raw frame
		 */
		public Unknown {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(text, "text");
		}

		/**
		 * Shows the type and the frame's length only: the frame may be large.
		 */
		@Override
		public String toString() {
			return "Unknown[type=" + this.type + ", text=<" + this.text.length() + " chars>]";
		}

	}

}
