package io.github.twitchjvm.pubsub.message;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * The codec of a family with a single shape and no discriminator (bits badge unlocks):
 * the message binds straight to one record.
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
		return this.reader.readValue(json);
	}

	@Override
	public String encode(T payload) {
		return this.writer.writeValueAsString(payload);
	}

}
