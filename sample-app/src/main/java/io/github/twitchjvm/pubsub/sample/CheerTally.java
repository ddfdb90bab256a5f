package io.github.twitchjvm.pubsub.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Bits cheered per viewer, for the leaderboard. Listens to the current topic (v2, which
 * marks anonymous cheers) and counts the legacy v1 topic on the side to show that both
 * carry the same cheers.
 */
@Component
class CheerTally {

	private static final Logger logger = LoggerFactory.getLogger(CheerTally.class);

	private final Map<String, AtomicLong> bitsByViewer = new ConcurrentHashMap<>();

	private final AtomicLong anonymousBits = new AtomicLong();

	private final AtomicLong legacyCheers = new AtomicLong();

	private final EventFeed feed;

	CheerTally(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("channel-bits-events-v2")
	void onCheer(BitsEvent.Cheer cheer) {
		if (cheer.isAnonymous() || cheer.userName() == null) {
			this.anonymousBits.addAndGet(cheer.bitsUsed());
		}
		else {
			this.bitsByViewer.computeIfAbsent(cheer.userName(), (name) -> new AtomicLong()).addAndGet(cheer.bitsUsed());
		}
		String text = (cheer.isAnonymous() ? "Someone" : cheer.userName()) + " cheered " + cheer.bitsUsed()
				+ " bits: \"" + cheer.chatMessage() + "\"";
		logger.info("{}", LogText.safe(text));
		this.feed.publish("bits", text);
	}

	@TwitchTopic("channel-bits-events-v1")
	void onLegacyCheer(BitsEvent event) {
		this.legacyCheers.incrementAndGet();
	}

	long totalBits() {
		return this.anonymousBits.get() + this.bitsByViewer.values().stream().mapToLong(AtomicLong::get).sum();
	}

	long anonymousBits() {
		return this.anonymousBits.get();
	}

	/**
	 * The leaderboard.
	 * @param size how many places
	 * @return viewer and bits, most first
	 */
	List<Map.Entry<String, Long>> leaders(int size) {
		return this.bitsByViewer.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue().get()))
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(size)
			.toList();
	}

	long legacyCheers() {
		return this.legacyCheers.get();
	}

	String summary() {
		String top = leaders(3).stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
		return totalBits() + " bits (" + this.anonymousBits.get() + " anonymous); top: "
				+ (top.isEmpty() ? "nobody yet" : top);
	}

}
