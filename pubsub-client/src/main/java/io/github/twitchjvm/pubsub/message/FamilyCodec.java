package io.github.twitchjvm.pubsub.message;

/**
 * Decodes and encodes the inner message of one topic family: the JSON document carried as
 * a string in a MESSAGE frame's {@code data.message}.
 *
 * @param <T> the family's payload type
 */
interface FamilyCodec<T extends PubSubPayload> {

	/**
	 * Decodes an inner message.
	 * @param json the inner message text
	 * @return the payload, an {@code Unknown} variant when the inner discriminator is not
	 * known
	 * @throws tools.jackson.core.JacksonException when the text is not JSON or cannot be
	 * bound
	 * @throws MalformedPayloadException when the JSON does not have the family's shape
	 */
	T decode(String json);

	/**
	 * Encodes a payload in the wire shape Twitch used.
	 * @param payload the payload
	 * @return the inner message text
	 */
	String encode(T payload);

}
