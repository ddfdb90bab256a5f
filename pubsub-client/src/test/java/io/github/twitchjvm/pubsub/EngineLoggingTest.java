package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.twitchjvm.core.testing.FakeConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static io.github.twitchjvm.pubsub.EngineHarness.BITS;
import static io.github.twitchjvm.pubsub.EngineHarness.WHISPERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads: a socket opening and recovering at INFO (with how long it was
 * away), an outage longer than 30 s at WARN while the retries go on, and a topic that
 * failed for good at ERROR.
 */
class EngineLoggingTest {

	private final Logger logger = (Logger) LoggerFactory.getLogger(PubSubClient.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	@BeforeEach
	void attach() {
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void anOpenAnOutageARecoveryAndAFailedTopicAreLoggedAtTheirLevels() {
		EngineHarness engine = new EngineHarness();
		engine.start();
		engine.listen(WHISPERS);
		FakeConnection first = engine.openAndConfirm(WHISPERS);
		assertThat(lines(Level.INFO)).contains("Connection pubsub-1 is open");

		first.drop();
		engine.loop.runPending();
		for (int second = 0; second < 45; second++) {
			FakeConnection attempt = engine.transport.last();
			if (attempt.connecting()) {
				attempt.refuse();
				engine.loop.runPending();
			}
			engine.loop.advance(Duration.ofSeconds(1));
		}
		// Jitter decides when the attempts fail: whichever fails after 30 s down warns.
		List<String> warnings = lines(Level.WARN);
		assertThat(warnings).isNotEmpty()
			.allMatch((line) -> line.matches("Connection pubsub-1 has been down for (3\\d|4\\d) s: connect failed.*"));

		while (!engine.transport.last().connecting()) {
			engine.loop.advance(Duration.ofSeconds(1));
		}
		engine.openAndConfirm(WHISPERS);
		assertThat(lines(Level.INFO))
			.anyMatch((line) -> line.startsWith("Connection pubsub-1 is open again: recovered after "));

		FakeConnection current = engine.transport.last();
		engine.listen(BITS);
		engine.answer(current, EngineHarness.listenNonce(EngineHarness.frames(current), BITS), "ERR_BADTOPIC");
		assertThat(lines(Level.ERROR)).singleElement()
			.asString()
			.startsWith("Topic " + BITS + " failed for good: LISTEN to " + BITS + " failed with ERR_BADTOPIC");
	}

	private List<String> lines(Level level) {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
