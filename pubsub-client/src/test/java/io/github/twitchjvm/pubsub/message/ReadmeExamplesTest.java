package io.github.twitchjvm.pubsub.message;

import java.time.Duration;
import java.time.Instant;

import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ActionType;
import io.github.twitchjvm.pubsub.topic.InvalidTopicException;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The README's examples, run as written. Change both together. */
class ReadmeExamplesTest {

	@Test
	void topics() {
		Topic whispers = Topic.parse("whispers.44322889");
		assertThat(whispers.type()).isEqualTo(TopicType.WHISPERS);
		assertThat(whispers.authorizingUserId()).isEqualTo("44322889");
		assertThat(TopicType.WHISPERS.scope()).isEqualTo("whispers:read");

		Topic automod = TopicType.AUTOMOD_QUEUE.topic("1234", "5678");
		assertThat(automod.value()).isEqualTo("automod-queue.1234.5678");

		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse("automod-queue.1234"))
			.withMessage("Topic 'automod-queue.1234' has 1 id but automod-queue takes 2. "
					+ "Expected automod-queue.<moderator_id>.<channel_id>.");

		assertThat(Topic.undocumented("polls.44322889").isDocumented()).isFalse();
	}

	@Test
	void payloads() {
		String text = Fixtures.text("channel-points/reward-redeemed.json");
		PubSubMessage message = new PubSubMessage(Topic.parse("channel-points-channel-v1.83710496"), text,
				Instant.now());
		String printed = null;
		if (message.payload() instanceof ChannelPointsEvent.RewardRedeemed redeemed) {
			ChannelPointsEvent.Redemption redemption = redeemed.redemption();
			printed = redemption.user().login() + " redeemed " + redemption.reward().title() + " for "
					+ redemption.reward().cost() + " points: " + redemption.userInput();
		}
		assertThat(printed)
			.isEqualTo("pebble_pilot redeemed Pick the next song for 2500 points: Never Gonna Give You Up");

		String timeoutJson = Fixtures.elements("chat-moderator-actions/moderation_actions.json").get(2);
		PubSubPayload payload = PayloadCodec.standard().decode(TopicType.CHAT_MODERATOR_ACTIONS, timeoutJson);
		assertThat(payload).isInstanceOfSatisfying(ChatModeratorActionEvent.ModerationAction.class, (action) -> {
			assertThat(action.action()).isEqualTo(ActionType.TIMEOUT);
			assertThat(action.targetLogin()).isEqualTo("loudmouth_lenny");
			assertThat(action.duration()).isEqualTo(Duration.ofMinutes(10));
			assertThat(action.reason()).isEqualTo("caps spam");
		});
	}

}
