package io.github.twitchjvm.pubsub.actuate;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.twitchjvm.pubsub.PubSubListener;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * What the client's snapshot does not keep: messages and the last one per topic.
 * Registered as a listener of the auto-configured client (an application's own client
 * does not report to it); the endpoint reads it. A topic's counts are forgotten when the
 * client no longer wants it ({@link #topicRemoved}), so that they do not pile up for
 * topics listened to once. Counting a message costs a map lookup and two writes, no
 * allocation.
 */
public final class PubSubActivity implements PubSubListener {

	private final Map<Topic, TopicActivity> topics = new ConcurrentHashMap<>();

	@Override
	public void messageReceived(Topic topic) {
		TopicActivity activity = this.topics.get(topic);
		if (activity == null) {
			activity = this.topics.computeIfAbsent(topic, (key) -> new TopicActivity());
		}
		activity.messages.increment();
		activity.lastMillis = System.currentTimeMillis();
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
	 * Forgets a topic's counts: the client no longer wants it. A message of the topic
	 * still being handled on a reading thread may count it again; such a count is dropped
	 * when the topic is next removed.
	 * @param topic the topic
	 */
	@Override
	public void topicRemoved(Topic topic) {
		this.topics.remove(topic);
	}

	private static final class TopicActivity {

		final LongAdder messages = new LongAdder();

		volatile long lastMillis;

	}

}
