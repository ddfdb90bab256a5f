package io.github.twitchjvm.pubsub.sample;

import java.util.List;
import java.util.Random;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;

/**
 * What happens on the demo channel, whichever protocol tells it: each beat is an event of
 * one topic family, chosen evenly, and half the whispers are commands to the bot. The
 * publishers of the two protocols write each beat in their own JSON, drawing the details
 * (who, how much, what text) from the same {@link #random() source}, so that a run is the
 * same story every time.
 */
final class DemoStory {

	/**
	 * What viewers whisper to the bot: its commands, one it does not know, and chatter.
	 */
	static final List<String> COMMANDS = List.of("!cheers", "!subs", "!queue", "!help", "!dance", "good stream today!");

	private final Random random = new Random(20250414);

	/**
	 * The next beat.
	 * @return the family of the next event, and the command when it is a whispered one
	 */
	Beat next() {
		TopicType family = TopicType.values()[this.random.nextInt(TopicType.values().length)];
		String command = (family == TopicType.WHISPERS && this.random.nextBoolean())
				? COMMANDS.get(this.random.nextInt(COMMANDS.size())) : null;
		return new Beat(family, command);
	}

	/**
	 * The source of the story's details. Only the demo's publishing thread uses it.
	 * @return the random source
	 */
	Random random() {
		return this.random;
	}

	/**
	 * One thing that happens.
	 *
	 * @param family the family of the event
	 * @param command the text of a whisper to the bot, or {@code null} for any other
	 * event
	 */
	record Beat(TopicType family, @Nullable String command) {
	}

}
