package io.github.twitchjvm.pubsub.protocol;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The one Jackson factory behind every frame parser and generator, built once: factories
 * are thread-safe and building one per frame would throw away its symbol tables and
 * buffer pools.
 */
final class FrameJson {

	/**
	 * The shared factory. Frames are plain data, so no mapper is needed; the source is
	 * kept out of error locations because a frame may be large and carries message
	 * content.
	 */
	static final JsonFactory FACTORY = JsonFactory.builder()
		.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
		.build();

	private FrameJson() {
	}

}
