package io.github.twitchjvm.pubsub.message;

import java.io.StringWriter;

import io.github.twitchjvm.jackson.AbsentValues;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

import org.jspecify.annotations.Nullable;

/**
 * The codec of {@code whispers}: {@code {"type": T, "data": "<JSON string>",
 * "data_object": {...}}}, where {@code data} and {@code data_object} carry the same
 * content. The content is bound once, straight from {@code data_object} when the frame
 * has it, else from the {@code data} string. A frame without a {@code type} string is
 * {@link WhisperEvent.Unknown}; a known type without content (no {@code data_object}, and
 * a {@code data} string that is missing, empty or not an object) has every field absent.
 * A {@code data} string that is not JSON at all is an error, like any text that is not
 * JSON.
 */
final class WhisperCodec implements FamilyCodec<WhisperEvent> {

	private static final String RECEIVED = "whisper_received";

	private static final String SENT = "whisper_sent";

	private static final String THREAD = "thread";

	private final ObjectMapper mapper;

	private final ObjectReader embeddedWhisperReader;

	private final ObjectReader embeddedThreadReader;

	private final ObjectReader whisperReader;

	private final ObjectReader threadReader;

	private final ObjectWriter writer;

	WhisperCodec(ObjectMapper mapper) {
		this.mapper = mapper;
		this.embeddedWhisperReader = PayloadJson.embeddedReader(mapper, WhisperEvent.Whisper.class);
		this.embeddedThreadReader = PayloadJson.embeddedReader(mapper, WhisperEvent.ThreadUpdate.class);
		this.whisperReader = mapper.readerFor(WhisperEvent.Whisper.class);
		this.threadReader = mapper.readerFor(WhisperEvent.ThreadUpdate.class);
		this.writer = mapper.writer();
	}

	@Override
	public WhisperEvent decode(String json) {
		WhisperEvent usual = WhisperFastPath.decode(json);
		return (usual != null) ? usual : decodeAnyShape(json);
	}

	/**
	 * Decodes a whisper of any shape, with the leniency rules; {@link #decode(String)}
	 * without its fast path.
	 */
	WhisperEvent decodeAnyShape(String json) {
		String type = null;
		boolean typeSeen = false;
		boolean hasDataString = false;
		Object content = null;
		JsonNode deferredContent = null;
		try (JsonParser parser = this.mapper.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new MalformedPayloadException("expected a JSON object");
			}
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken token = parser.nextToken();
				switch (name) {
					case "type" -> {
						if (typeSeen) {
							throw MalformedPayloadException.duplicate("type");
						}
						typeSeen = true;
						if (token == JsonToken.VALUE_STRING) {
							type = parser.getString();
						}
						else {
							parser.skipChildren();
						}
					}
					case "data" -> {
						if (token == JsonToken.VALUE_STRING) {
							// Unescaping the string costs more than binding the whisper;
							// it is read only if no
							// data_object follows (a second, rare pass below).
							hasDataString = true;
						}
						else {
							// Twitch's 2016 documentation showed an object here; accept
							// it like data_object.
							deferredContent = parser.readValueAsTree();
						}
					}
					case "data_object" -> {
						if (token != JsonToken.START_OBJECT) {
							// Not the object it should be: the data string carries the
							// same content.
							parser.skipChildren();
							continue;
						}
						ObjectReader reader = (type != null) ? embeddedReaderFor(type) : null;
						if (reader != null) {
							content = reader.readValue(parser);
						}
						else if (type == null) {
							deferredContent = parser.readValueAsTree();
						}
						else {
							parser.skipChildren();
						}
					}
					default -> parser.skipChildren();
				}
			}
			TrailingContent.reject(parser);
		}
		ObjectReader reader = (type != null) ? readerFor(type) : null;
		if (type == null || reader == null) {
			return new WhisperEvent.Unknown(type, json);
		}
		if (content == null && deferredContent != null) {
			content = reader.readValue(deferredContent);
		}
		if (content == null && hasDataString) {
			String data = dataString(json);
			// Twitch writes "" for "nothing"; anything else must be JSON.
			content = data.isBlank() ? null : reader.readValue(data);
		}
		return switch (type) {
			case RECEIVED -> new WhisperEvent.Received(whisperOrAbsent(content));
			case SENT -> new WhisperEvent.Sent(whisperOrAbsent(content));
			default -> (content != null) ? (WhisperEvent.ThreadUpdate) content
					: AbsentValues.of(WhisperEvent.ThreadUpdate.class);
		};
	}

	private static WhisperEvent.Whisper whisperOrAbsent(@Nullable Object content) {
		return (content != null) ? (WhisperEvent.Whisper) content : AbsentValues.of(WhisperEvent.Whisper.class);
	}

	/**
	 * The {@code data} string of a whisper without {@code data_object}: the 2017 shape,
	 * read in a second pass.
	 */
	private String dataString(String json) {
		try (JsonParser parser = this.mapper.createParser(json)) {
			parser.nextToken();
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				if (parser.nextToken() == JsonToken.VALUE_STRING && "data".equals(name)) {
					return parser.getString();
				}
				parser.skipChildren();
			}
		}
		throw new MalformedPayloadException("whisper has no 'data' string");
	}

	private @Nullable ObjectReader embeddedReaderFor(String type) {
		return switch (type) {
			case RECEIVED, SENT -> this.embeddedWhisperReader;
			case THREAD -> this.embeddedThreadReader;
			default -> null;
		};
	}

	private @Nullable ObjectReader readerFor(String type) {
		return switch (type) {
			case RECEIVED, SENT -> this.whisperReader;
			case THREAD -> this.threadReader;
			default -> null;
		};
	}

	@Override
	public String encode(WhisperEvent payload) {
		if (payload instanceof WhisperEvent.Unknown unknown) {
			return unknown.json();
		}
		String type;
		Object content;
		boolean withObject = true;
		if (payload instanceof WhisperEvent.Received received) {
			type = RECEIVED;
			content = received.whisper();
		}
		else if (payload instanceof WhisperEvent.Sent sent) {
			type = SENT;
			content = sent.whisper();
		}
		else {
			type = THREAD;
			content = payload;
			withObject = false;
		}
		StringWriter json = new StringWriter(1024);
		try (JsonGenerator generator = this.mapper.createGenerator(json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", type);
			generator.writeStringProperty("data", this.writer.writeValueAsString(content));
			if (withObject) {
				generator.writePOJOProperty("data_object", content);
			}
			generator.writeEndObject();
		}
		return json.toString();
	}

}
