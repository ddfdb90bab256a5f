package io.github.twitchjvm.pubsub.benchmark;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.protocol.InboundFrame;
import io.github.twitchjvm.pubsub.protocol.InboundFrames;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measurement 5: typed decoding of one realistic inner message per topic family, and
 * parsing of a MESSAGE frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodingBenchmark {

	@Param({ "WHISPERS", "BITS_V2", "BITS_BADGE_UNLOCKS", "CHANNEL_POINTS", "CHANNEL_SUBSCRIPTIONS",
			"CHAT_MODERATOR_ACTIONS", "AUTOMOD_QUEUE", "USER_MODERATION_NOTIFICATIONS", "LOW_TRUST_USERS" })
	public String family;

	private TopicType type;

	private String message;

	private String frame;

	private final PayloadCodec codec = PayloadCodec.standard();

	@Setup
	public void setUp() {
		Map<TopicType, String> samples = Samples.perFamily();
		this.type = TopicType.valueOf(this.family);
		this.message = samples.get(this.type);
		this.frame = "{\"type\":\"MESSAGE\",\"data\":{\"topic\":\"" + this.type.prefix() + ".1\",\"message\":"
				+ tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(this.message) + "}}";
	}

	@Benchmark
	public PubSubPayload decodePayload() {
		return this.codec.decode(this.type, this.message);
	}

	@Benchmark
	public InboundFrame parseFrame() {
		return InboundFrames.parse(this.frame);
	}

}
