package io.github.twitchjvm.pubsub.sample;

import java.time.Duration;

import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample bot against the demo's fake server and traffic (faster, without faults,
 * without an end): every handler gets its family's events, and a whispered command is
 * answered from the tallies. The context closes after the class, so that its traffic does
 * not go on beside the next class's.
 */
@SpringBootTest(classes = { SampleApplication.class, DemoConfiguration.class },
		properties = { "demo.duration=0s", "demo.events-per-second=100", "demo.faults=false" })
@ActiveProfiles("demo")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Autowired
	PubSubClient client;

	@Autowired
	FakeTwitchServer server;

	@Autowired
	CheerTally cheers;

	@Autowired
	BadgeAnnouncer badges;

	@Autowired
	RedemptionQueue redemptions;

	@Autowired
	SubscriberTally subscribers;

	@Autowired
	ModerationAudit moderation;

	@Autowired
	AutomodInbox automod;

	@Autowired
	OwnMessageNotices ownMessages;

	@Autowired
	LowTrustWatch lowTrust;

	@Autowired
	WhisperCommands whispers;

	@Autowired
	BotReport report;

	@Test
	void everyHandlerKeepsItsTally() {
		await().until(() -> this.client.snapshot().topics().size() == TopicType.values().length
				&& this.client.snapshot().topics().stream().allMatch((topic) -> topic.state() == TopicState.ACTIVE));
		await().untilAsserted(() -> {
			assertThat(this.cheers.totalBits()).isPositive();
			assertThat(this.cheers.legacyCheers()).isPositive();
			assertThat(this.badges.viewersWithBadges()).isPositive();
			assertThat(this.subscribers.total()).isPositive();
			assertThat(this.moderation.total()).isPositive();
			assertThat(this.ownMessages.caught()).isPositive();
			assertThat(this.lowTrust.watched() + this.lowTrust.messages()).isPositive();
			assertThat(this.whispers.answers()).isNotEmpty();
		});
		assertThat(this.client.snapshot().counters().dropped()).doesNotContainKey("decode_error");
	}

	@Test
	void answersAWhisperedCommandFromTheTallies() {
		await().until(() -> this.cheers.totalBits() > 0);
		this.server.publish("whispers." + DemoConfiguration.BROADCASTER_ID, PubSubDemoMessages
			.whisper(new DemoScenario.Person("555000111", "test_viewer", "TestViewer"), "!cheers please"));
		await().until(() -> this.whispers.answers()
			.stream()
			.anyMatch((answer) -> answer.startsWith("TestViewer: ") && answer.contains(" bits (")));
	}

	/**
	 * A report taken while the socket cannot get back names the topics' states, not only
	 * that none is active; the topics are active again once it can.
	 */
	@Test
	void aReportDuringAnOutageSaysWhatTheTopicsAreDoing(CapturedOutput output) {
		awaitEveryTopicActive();
		this.report.report();
		assertThat(output.getOut()).contains("Report: 10 of 10 topics active on 1 sockets");
		this.server.faults().refuseConnections(Duration.ofMinutes(1));
		try {
			this.server.faults().drop(null);
			await().until(() -> this.client.snapshot()
				.topics()
				.stream()
				.noneMatch((topic) -> topic.state() == TopicState.ACTIVE));
			this.report.report();
			assertThat(output.getOut()).contains("Report: 0 of 10 topics active {PENDING=10} on 1 sockets");
		}
		finally {
			this.server.faults().acceptConnections();
		}
		awaitEveryTopicActive();
	}

	private void awaitEveryTopicActive() {
		await().until(
				() -> this.client.snapshot().topics().stream().allMatch((topic) -> topic.state() == TopicState.ACTIVE));
	}

}
