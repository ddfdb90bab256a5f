package io.github.twitchjvm.pubsub.benchmark;

import java.net.URI;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A baseline: a transport with no PubSub logic. It counts MESSAGE frames on the reading
 * thread, optionally after a naive three-layer decode of each whisper (frame,
 * {@code data.message}, the whisper's {@code data}) with Jackson trees, which is what a
 * hand-written client does.
 */
interface BareClient extends AutoCloseable {

	JsonMapper JSON = JsonMapper.builder().build();

	/** Connects, LISTENs and waits for the RESPONSE. */
	BareClient listen(URI uri, String topic, String token) throws Exception;

	long messages();

	void reset();

	/**
	 * Records send-to-receive times of stamped whispers (the decoding variant only), on
	 * the reading thread.
	 */
	void recordLatency(@Nullable Histogram histogram);

	@Override
	void close() throws java.io.IOException;

	/**
	 * Decodes a whisper MESSAGE frame in three layers and records its latency if stamped.
	 * @return something derived from the content, so that the JIT cannot drop the work
	 */
	static long decode(String frame, @Nullable Histogram latency) {
		JsonNode outer = JSON.readTree(frame);
		JsonNode inner = JSON.readTree(outer.get("data").get("message").asString());
		JsonNode whisper = JSON.readTree(inner.get("data").asString());
		if (latency != null && whisper.has("nonce")) {
			long sent = Long.parseLong(whisper.get("nonce").asString());
			latency.recordValue(Math.max(0, System.nanoTime() - sent));
		}
		return whisper.size();
	}

}
