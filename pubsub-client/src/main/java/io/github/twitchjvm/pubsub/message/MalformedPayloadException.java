package io.github.twitchjvm.pubsub.message;

/**
 * A codec's complaint about a well-formed JSON document of the wrong shape;
 * {@link PayloadCodec} turns it into a {@link MessageDecodingException} that names the
 * topic type.
 */
final class MalformedPayloadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static MalformedPayloadException duplicate(String key) {
		return new MalformedPayloadException("Duplicate '" + key + "': the message has no single meaning");
	}

	MalformedPayloadException(String message) {
		super(message);
	}

}
