package io.github.twitchjvm.pubsub.message;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * The codec of a family with a single shape and no discriminator (bits badge unlocks):
 * the message binds straight to one record, every field it lacks absent.
 *
 * @param <T> the payload record
 */
final class FlatCodec<T extends PubSubPayload> implements FamilyCodec<T> {

	private final ObjectReader reader;

	private final ObjectWriter writer;

	FlatCodec(ObjectMapper mapper, Class<T> type) {
		this.reader = mapper.readerFor(type);
		this.writer = mapper.writerFor(type);
	}

	@Override
	public T decode(String json) {
		T payload = this.reader.readValue(json);
		if (payload == null) {
			// Only input that is no object at all reads as null.
			throw new MalformedPayloadException("expected a JSON object");
		}
		return payload;
	}

	@Override
	public String encode(T payload) {
		return this.writer.writeValueAsString(payload);
	}

}
