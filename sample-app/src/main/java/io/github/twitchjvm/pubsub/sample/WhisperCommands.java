package io.github.twitchjvm.pubsub.sample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Answers commands whispered to the bot ({@code !cheers}, {@code !subs}, {@code !queue},
 * {@code !help}) from the other handlers' state. PubSub only receives: a real bot sends
 * the answer through Twitch's Send Whisper API; this one logs it and keeps the last
 * answers.
 */
@Component
class WhisperCommands {

	private static final Logger logger = LoggerFactory.getLogger(WhisperCommands.class);

	private final CheerTally cheers;

	private final SubscriberTally subscribers;

	private final RedemptionQueue redemptions;

	/** Answers kept for the page, the newest; older ones are in the feed and the log. */
	static final int KEPT_ANSWERS = 50;

	/** The last answers, oldest first (guarded by itself). */
	private final Deque<String> answers = new ArrayDeque<>();

	private final EventFeed feed;

	WhisperCommands(CheerTally cheers, SubscriberTally subscribers, RedemptionQueue redemptions, EventFeed feed) {
		this.feed = feed;
		this.cheers = cheers;
		this.subscribers = subscribers;
		this.redemptions = redemptions;
	}

	@TwitchTopic("whispers")
	void onWhisper(WhisperEvent.Received received) {
		WhisperEvent.Whisper whisper = received.whisper();
		String body = whisper.body().strip();
		if (!body.startsWith("!")) {
			this.feed.publish("whispers", whisper.tags().displayName() + " whispered: " + body);
			return;
		}
		String command = body.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		String answer = switch (command) {
			case "!cheers" -> this.cheers.summary();
			case "!subs" -> this.subscribers.summary();
			case "!queue" -> this.redemptions.summary();
			case "!help" -> "Commands: !cheers, !subs, !queue";
			default -> "I don't know " + command + "; try !help";
		};
		synchronized (this.answers) {
			this.answers.addLast(whisper.tags().displayName() + ": " + answer);
			if (this.answers.size() > KEPT_ANSWERS) {
				this.answers.removeFirst();
			}
		}
		String text = whisper.tags().displayName() + " whispered " + command + " -> answer: " + answer;
		logger.info("{}", LogText.safe(text));
		this.feed.publish("whispers", text);
	}

	/**
	 * The last answers, each after the name of the viewer it is for.
	 * @return at most {@value #KEPT_ANSWERS}, oldest first
	 */
	List<String> answers() {
		synchronized (this.answers) {
			return List.copyOf(this.answers);
		}
	}

}
