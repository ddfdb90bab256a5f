package io.github.twitchjvm.pubsub.actuate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.pubsub.ConnectionState;
import io.github.twitchjvm.pubsub.ConnectionStatus;
import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * What the client's snapshot does not keep: messages and the last one per topic, and since when each socket has not
 * been open. Registered as a listener of the auto-configured client; the health indicator and the endpoint read it.
 * Counting a message costs a map lookup and two writes, no allocation.
 */
public final class PubSubActivity implements PubSubListener {

	private final Map<Topic, TopicActivity> topics = new ConcurrentHashMap<>();

	private final Map<String, Instant> notOpenSince = new ConcurrentHashMap<>();

	@Override
	public void messageReceived(Topic topic) {
		TopicActivity activity = this.topics.get(topic);
		if (activity == null) {
			activity = this.topics.computeIfAbsent(topic, (key) -> new TopicActivity());
		}
		activity.messages.increment();
		activity.lastMillis = System.currentTimeMillis();
	}

	@Override
	public void connectionChanged(ConnectionStatus status) {
		if (status.state() == ConnectionState.OPEN) {
			this.notOpenSince.remove(status.id());
		}
		else if (status.state() == ConnectionState.CLOSED) {
			// Closed by the client (stopped, or no topics left): nothing to wait for.
			this.notOpenSince.remove(status.id());
		}
		else {
			this.notOpenSince.putIfAbsent(status.id(), Instant.now());
		}
	}

	/**
	 * Messages received on a topic so far.
	 * @param topic the topic
	 * @return the count
	 */
	public long messages(Topic topic) {
		TopicActivity activity = this.topics.get(topic);
		return (activity != null) ? activity.messages.sum() : 0;
	}

	/**
	 * When the last message of a topic arrived.
	 * @param topic the topic
	 * @return the time, or {@code null} if none did
	 */
	public @Nullable Instant lastMessageAt(Topic topic) {
		TopicActivity activity = this.topics.get(topic);
		return (activity != null && activity.lastMillis != 0) ? Instant.ofEpochMilli(activity.lastMillis) : null;
	}

	/**
	 * Since when a socket has been connecting or reconnecting rather than open.
	 * @param connectionId the socket's id
	 * @return the time, or {@code null} if it is open (or closed by the client)
	 */
	public @Nullable Instant notOpenSince(String connectionId) {
		return this.notOpenSince.get(connectionId);
	}

	private static final class TopicActivity {

		final LongAdder messages = new LongAdder();

		volatile long lastMillis;

	}

}
