package io.github.twitchjvm.pubsub.sample;

import java.net.URI;
import java.time.Instant;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;

/**
 * The story over PubSub: each beat is one of the shipped realistic messages of its family
 * (or a whispered command), published on the bot's topic of the family; the faults are
 * the server's RECONNECT and dropped connections.
 */
final class PubSubDemoPublisher implements DemoPublisher {

	private final FakeTwitchServer server;

	private final String channel;

	PubSubDemoPublisher(FakeTwitchServer server, String channel) {
		this.server = server;
		this.channel = channel;
	}

	@Override
	public URI uri() {
		return this.server.pubSubUri();
	}

	@Override
	public void publish(DemoStory.Beat beat, DemoStory story) {
		TopicType type = beat.family();
		Topic topic = Topic.of(type, ids(type));
		String message = (beat.command() != null) ? whisper(null, beat.command())
				: SampleMessages.random(type, story.random());
		this.server.publish(topic.value(), message);
	}

	private String[] ids(TopicType type) {
		return (type.idCount() == 1) ? new String[] { this.channel } : new String[] { this.channel, this.channel };
	}

	/**
	 * A realistic received whisper (the shipped sample) with another text, and another
	 * sender if given.
	 * @param sender the sender's tags, or {@code null} for the sample's
	 * @param body the text
	 * @return the inner message, as Twitch would send it
	 */
	static String whisper(WhisperEvent.@Nullable WhisperTags sender, String body) {
		PayloadCodec codec = PayloadCodec.standard();
		WhisperEvent.Whisper sample = ((WhisperEvent.Received) codec.decode(TopicType.WHISPERS,
				SampleMessages.get(TopicType.WHISPERS, "whisper_received")))
			.whisper();
		WhisperEvent.Whisper whisper = new WhisperEvent.Whisper(sample.messageId(), sample.id(), sample.threadId(),
				body, Instant.now(), sample.fromId(), (sender != null) ? sender : sample.tags(), sample.recipient(),
				sample.nonce());
		return codec.encode(TopicType.WHISPERS, new WhisperEvent.Received(whisper));
	}

	@Override
	public String reconnect() {
		return "the server sends RECONNECT to " + this.server.faults().sendReconnect(null) + " connection(s)";
	}

	@Override
	public String drop() {
		return "the server drops " + this.server.faults().drop(null) + " connection(s) without a close frame";
	}

}
