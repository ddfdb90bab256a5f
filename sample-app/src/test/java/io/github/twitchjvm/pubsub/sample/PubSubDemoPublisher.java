package io.github.twitchjvm.pubsub.sample;

import java.net.URI;

import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * The story over PubSub: each beat is written by {@link PubSubDemoMessages} and published
 * on the bot's topic of its family; the faults are the server's RECONNECT and dropped
 * connections.
 */
final class PubSubDemoPublisher implements DemoPublisher {

	private final FakeTwitchServer server;

	private final String channel;

	private final PubSubDemoMessages messages;

	PubSubDemoPublisher(FakeTwitchServer server, String channel, String channelLogin) {
		this.server = server;
		this.channel = channel;
		this.messages = new PubSubDemoMessages(channel, channelLogin);
	}

	@Override
	public URI uri() {
		return this.server.pubSubUri();
	}

	@Override
	public void publish(DemoStory.Beat beat) {
		for (PubSubDemoMessages.Message message : this.messages.of(beat)) {
			TopicType type = message.family();
			String[] ids = (type.idCount() == 1) ? new String[] { this.channel }
					: new String[] { this.channel, this.channel };
			this.server.publish(Topic.of(type, ids).value(), message.json());
		}
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
