package io.github.twitchjvm.pubsub.message;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserModerationEventTest {

	@Test
	void decodesWhatHappenedToTheUsersHeldMessage() {
		assertThat(Fixtures.decode(TopicType.USER_MODERATION_NOTIFICATIONS,
				"user-moderation-notifications/automod_caught_message.json"))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("3c7f0a25-d9e8-4b61-97a4-f2e05b1c8d36",
					AutomodStatus.DENIED));
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("user-moderation-notifications/unknown.json");
		assertThat(PayloadCodec.standard().decode(TopicType.USER_MODERATION_NOTIFICATIONS, json))
			.isEqualTo(new UserModerationEvent.Unknown("message_held", json));
	}

	@Test
	void readsAnUnknownStatusAsUnrecognized() {
		String json = "{\"type\":\"automod_caught_message\",\"data\":{\"message_id\":\"m\",\"status\":\"REVIEWING\"}}";
		assertThat(PayloadCodec.standard().decode(TopicType.USER_MODERATION_NOTIFICATIONS, json))
			.isEqualTo(new UserModerationEvent.AutomodCaughtMessage("m", AutomodStatus.UNRECOGNIZED));
	}

}
