package io.github.twitchjvm.pubsub.sample;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.twitchjvm.bridge.PubSubOverEventSub;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSession;
import io.github.twitchjvm.pubsub.test.eventsub.EventSubSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample bot, its {@code @TwitchTopic} handlers unchanged, over EventSub
 * ({@code twitch.pubsub.transport=eventsub}) against the fake server and the demo's
 * EventSub traffic (faster, without faults, without an end): every family reaches its
 * handler as converted events, a whispered command is answered, a lost connection shows
 * in the log and the report, and the startup log reports what each listener rides on.
 */
@SpringBootTest(classes = { SampleApplication.class, DemoConfiguration.class },
		properties = { "twitch.pubsub.transport=eventsub", "demo.duration=0s", "demo.events-per-second=100",
				"demo.faults=false" })
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class SampleApplicationOverEventSubTests {

	/** The EventSub types the bot's ten topics ride on. */
	private static final List<String> RIDDEN_TYPES = List.of("user.whisper.message", "channel.cheer",
			"channel.chat.notification", "channel.channel_points_custom_reward_redemption.add",
			"channel.channel_points_custom_reward_redemption.update", "channel.subscribe",
			"channel.subscription.message", "channel.moderate", "automod.message.hold", "automod.message.update",
			"channel.chat.user_message_hold", "channel.chat.user_message_update", "channel.suspicious_user.message",
			"channel.suspicious_user.update");

	@Autowired
	ApplicationContext context;

	@Autowired
	EventSubClient client;

	@Autowired
	PubSubOverEventSub bridge;

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
	void everyFamilyReachesItsUnchangedHandler() {
		assertThat(this.context.getBeanProvider(PubSubClient.class).getIfAvailable()).isNull();
		await().untilAsserted(() -> assertThat(this.server.eventSub()
			.subscriptions()
			.stream()
			.filter(EventSubSubscription::isEnabled)
			.map(EventSubSubscription::type)).containsExactlyInAnyOrderElementsOf(RIDDEN_TYPES));
		await().untilAsserted(() -> {
			assertThat(this.cheers.totalBits()).isPositive();
			assertThat(this.cheers.legacyCheers()).isPositive();
			assertThat(this.badges.viewersWithBadges()).isPositive();
			assertThat(this.redemptions.pending()).isPositive();
			assertThat(this.subscribers.total()).isPositive();
			assertThat(this.moderation.total()).isPositive();
			assertThat(this.automod.held()).isPositive();
			assertThat(this.ownMessages.caught()).isPositive();
			assertThat(this.lowTrust.watched()).isPositive();
			assertThat(this.lowTrust.messages()).isPositive();
			assertThat(this.whispers.answers()).isNotEmpty();
		});
		assertThat(this.client.snapshot().counters().dropped()).doesNotContainKey("decode_error");
		assertThat(this.client.snapshot().counters().handlerFailures()).isZero();
		// Only the chat notices that are no Bits badge have no PubSub counterpart.
		assertThat(this.bridge.skipped().keySet()).isSubsetOf("channel.chat.notification/notice_type=resub");
	}

	@Test
	void answersAWhisperedCommandFromTheTallies() {
		awaitEverySubscriptionEnabled();
		String whisper = new EventSubDemoEvents(DemoConfiguration.BROADCASTER_ID, DemoConfiguration.BROADCASTER_LOGIN)
			.whisper(new DemoScenario.Person("555000111", "test_viewer", "TestViewer"), "!cheers please");
		this.server.eventSub()
			.publish("user.whisper.message", Map.of("user_id", DemoConfiguration.BROADCASTER_ID), whisper);
		await().until(() -> this.whispers.answers()
			.stream()
			.anyMatch((answer) -> answer.startsWith("TestViewer: ") && answer.contains(" bits (")));
	}

	/**
	 * A lost connection, as the demo plays every 45 s: the bot logs the lost session and
	 * the new one, and its report counts the subscriptions (as Twitch holds them) back on
	 * the new session.
	 */
	@Test
	void reportsSessionsAndSubscriptions(CapturedOutput output) {
		awaitEverySubscriptionEnabled();
		String user = DemoConfiguration.BROADCASTER_ID;
		this.server.eventSub()
			.sessions()
			.stream()
			.filter(EventSubSession::isConnected)
			.forEach((session) -> this.server.eventSub().dropTcp(session.id()));
		// Without a close frame: the client sees an error or an abnormal close (1006).
		Pattern lost = Pattern
			.compile("EventSub session of user " + user + " is lost \\((ERROR|CLOSED), close code 1006\\)");
		await().untilAsserted(() -> {
			Matcher matcher = lost.matcher(output.getOut());
			assertThat(matcher.find()).isTrue();
			assertThat(output.getOut().substring(matcher.end()))
				.containsPattern("EventSub session \\S+ of user " + user + " is welcomed");
		});
		awaitEverySubscriptionEnabled();
		// One per subscription at Twitch: the two Bits topics' handles share
		// channel.cheer.
		int subscriptions = RIDDEN_TYPES.size();
		this.report.report();
		assertThat(output.getOut()).contains(
				"Report: " + subscriptions + " of " + subscriptions + " EventSub subscriptions enabled on 1 sessions");
	}

	private void awaitEverySubscriptionEnabled() {
		await().until(() -> !this.client.snapshot().subscriptions().isEmpty() && this.client.snapshot()
			.subscriptions()
			.stream()
			.allMatch((subscription) -> subscription.state() == SubscriptionState.ENABLED));
	}

	@Test
	void theStartupLogSaysWhatEachListenerRidesOn(CapturedOutput output) {
		String channel = DemoConfiguration.BROADCASTER_ID;
		assertThat(output.getOut().lines().filter((line) -> line.contains("Over EventSub, @TwitchTopic "))).hasSize(10);
		assertThat(output.getOut())
			.contains("Over EventSub, @TwitchTopic cheerTally#onCheer: channel-bits-events-v2." + channel
					+ " rides on channel.cheer@1{broadcaster_user_id=" + channel + "}; always absent: ")
			.contains("Over EventSub, @TwitchTopic redemptionQueue#onChannelPoints: channel-points-channel-v1."
					+ channel + " rides on channel.channel_points_custom_reward_redemption.add@1{broadcaster_user_id="
					+ channel + "} + channel.channel_points_custom_reward_redemption.update@1{broadcaster_user_id="
					+ channel + "}")
			.contains("Over EventSub, @TwitchTopic whisperCommands#onWhisper: whispers." + channel
					+ " rides on user.whisper.message@1{user_id=" + channel + "}; always absent: ");
	}

}
