package io.github.twitchjvm.pubsub.test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent.ActionType;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.UnknownPayload;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SampleMessagesTest {

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void everyFamilyHasSamplesThatDecodeToKnownVariants(TopicType type) {
		assertThat(SampleMessages.of(type)).isNotEmpty();
		SampleMessages.of(type).forEach((name, json) -> {
			PubSubPayload payload = PayloadCodec.standard().decode(type, json);
			assertThat(payload).as(type.prefix() + "/" + name)
				.isNotInstanceOf(UnknownPayload.class)
				.isInstanceOf(PayloadCodec.payloadType(type));
			assertThat(json).doesNotContain("\n");
		});
	}

	@Test
	void everyModerationActionHasASample() {
		Set<ActionType> sampled = EnumSet.noneOf(ActionType.class);
		SampleMessages.of(TopicType.CHAT_MODERATOR_ACTIONS).values().forEach((json) -> {
			if (PayloadCodec.standard()
				.decode(TopicType.CHAT_MODERATOR_ACTIONS,
						json) instanceof ChatModeratorActionEvent.ModerationAction action) {
				sampled.add(action.action());
			}
		});
		assertThat(sampled).isEqualTo(EnumSet.complementOf(EnumSet.of(ActionType.UNRECOGNIZED)));
		assertThat(SampleMessages.get(TopicType.CHAT_MODERATOR_ACTIONS, "moderation_action_timeout"))
			.contains("\"moderation_action\":\"timeout\"");
	}

	@Test
	void includesAMessageOverEightKilobytes() {
		assertThat(SampleMessages.get(TopicType.AUTOMOD_QUEUE, "caught_mass_mention").getBytes(StandardCharsets.UTF_8))
			.hasSizeGreaterThan(8 * 1024);
	}

	@Test
	void namesSamplesAndPicksAtRandom() {
		assertThat(SampleMessages.get(TopicType.CHANNEL_SUBSCRIPTIONS, "resub")).contains("\"context\":\"resub\"");
		assertThat(SampleMessages.of(TopicType.WHISPERS).values())
			.contains(SampleMessages.random(TopicType.WHISPERS, new Random(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> SampleMessages.get(TopicType.WHISPERS, "nope"))
			.withMessageContaining("whisper_received");
	}

}
