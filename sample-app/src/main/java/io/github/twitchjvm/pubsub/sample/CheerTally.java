package io.github.twitchjvm.pubsub.sample;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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

	@TwitchTopic("channel-bits-events-v2")
	void onCheer(BitsEvent.Cheer cheer) {
		if (cheer.isAnonymous() || cheer.userName() == null) {
			this.anonymousBits.addAndGet(cheer.bitsUsed());
		}
		else {
			this.bitsByViewer.computeIfAbsent(cheer.userName(), (name) -> new AtomicLong()).addAndGet(cheer.bitsUsed());
		}
		logger.info("{} cheered {} bits: \"{}\"", cheer.isAnonymous() ? "Someone" : cheer.userName(), cheer.bitsUsed(),
				cheer.chatMessage());
	}

	@TwitchTopic("channel-bits-events-v1")
	void onLegacyCheer(BitsEvent event) {
		this.legacyCheers.incrementAndGet();
	}

	long totalBits() {
		return this.anonymousBits.get() + this.bitsByViewer.values().stream().mapToLong(AtomicLong::get).sum();
	}

	long legacyCheers() {
		return this.legacyCheers.get();
	}

	String summary() {
		String top = this.bitsByViewer.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, AtomicLong> entry) -> entry.getValue().get())
				.reversed())
			.limit(3)
			.map((entry) -> entry.getKey() + " " + entry.getValue().get())
			.collect(Collectors.joining(", "));
		return totalBits() + " bits (" + this.anonymousBits.get() + " anonymous); top: "
				+ (top.isEmpty() ? "nobody yet" : top);
	}

}
