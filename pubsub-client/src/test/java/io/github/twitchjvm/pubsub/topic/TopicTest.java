package io.github.twitchjvm.pubsub.topic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TopicTest {

	@ParameterizedTest
	@CsvSource({ "whispers.123, WHISPERS, 123", "channel-bits-events-v1.44322889, BITS_V1, 44322889",
			"channel-bits-events-v2.44322889, BITS_V2, 44322889", "channel-bits-badge-unlocks.9, BITS_BADGE_UNLOCKS, 9",
			"channel-points-channel-v1.83710496, CHANNEL_POINTS, 83710496",
			"channel-subscribe-events-v1.51496027, CHANNEL_SUBSCRIPTIONS, 51496027" })
	void parsesSingleIdTopics(String value, TopicType type, String id) {
		Topic topic = Topic.parse(value);
		assertThat(topic.type()).isEqualTo(type);
		assertThat(topic.ids()).containsExactly(id);
		assertThat(topic.value()).isEqualTo(value);
		assertThat(topic.toString()).isEqualTo(value);
		assertThat(topic.isDocumented()).isTrue();
		assertThat(topic.authorizingUserId()).isEqualTo(id);
	}

	@ParameterizedTest
	@CsvSource({ "chat_moderator_actions.1234.5678, CHAT_MODERATOR_ACTIONS", "automod-queue.1234.5678, AUTOMOD_QUEUE",
			"user-moderation-notifications.1234.5678, USER_MODERATION_NOTIFICATIONS",
			"low-trust-users.1234.5678, LOW_TRUST_USERS" })
	void parsesTwoIdTopicsWithTheAuthorizingUserFirst(String value, TopicType type) {
		Topic topic = Topic.parse(value);
		assertThat(topic.type()).isEqualTo(type);
		assertThat(topic.ids()).containsExactly("1234", "5678");
		assertThat(topic.authorizingUserId()).isEqualTo("1234");
	}

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void formatsAndParsesEveryFamilyTheSameWay(TopicType type) {
		String[] ids = (type.idCount() == 1) ? new String[] { "42" } : new String[] { "42", "77" };
		Topic built = type.topic(ids);
		assertThat(Topic.parse(built.value())).isEqualTo(built);
		assertThat(built.value()).startsWith(type.prefix() + ".42");
		assertThat(TopicType.forPrefix(type.prefix())).isEqualTo(type);
	}

	@Test
	void describesEachFamilyWithItsScopeAndIds() {
		assertThat(TopicType.WHISPERS.scope()).isEqualTo("whispers:read");
		assertThat(TopicType.BITS_V2.scope()).isEqualTo("bits:read");
		assertThat(TopicType.CHANNEL_POINTS.scope()).isEqualTo("channel:read:redemptions");
		assertThat(TopicType.CHANNEL_SUBSCRIPTIONS.scope()).isEqualTo("channel:read:subscriptions");
		assertThat(TopicType.CHAT_MODERATOR_ACTIONS.scope()).isEqualTo("channel:moderate");
		assertThat(TopicType.USER_MODERATION_NOTIFICATIONS.scope()).isEqualTo("chat:read");
		assertThat(TopicType.LOW_TRUST_USERS.idNames()).containsExactly("moderator_id", "channel_id");
		assertThat(TopicType.AUTOMOD_QUEUE.expectedForm()).isEqualTo("automod-queue.<moderator_id>.<channel_id>");
	}

	@Test
	void rejectsAnUnknownFamilyAndListsTheDocumentedOnes() {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse("video-playback.123"))
			.withMessageContaining("Unknown topic family 'video-playback'")
			.withMessageContaining("whispers.<user_id>")
			.withMessageContaining("undocumented topic");
	}

	@Test
	void rejectsTheWrongNumberOfIdsShowingTheExpectedForm() {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse("automod-queue.123"))
			.withMessage("Topic 'automod-queue.123' has 1 id but automod-queue takes 2. "
					+ "Expected automod-queue.<moderator_id>.<channel_id>.");
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse("whispers.1.2"))
			.withMessageContaining("has 2 ids but whispers takes 1")
			.withMessageContaining("whispers.<user_id>");
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> TopicType.LOW_TRUST_USERS.topic("1"))
			.withMessageContaining("low-trust-users.<moderator_id>.<channel_id>");
	}

	@Test
	void rejectsTheLegacySingleIdModeratorActionsTopic() {
		assertThatExceptionOfType(InvalidTopicException.class)
			.isThrownBy(() -> Topic.parse("chat_moderator_actions.44322889"))
			.withMessageContaining("chat_moderator_actions.<user_id>.<channel_id>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "whispers.abc", "whispers.12a", "whispers.-1", "whispers. 1", "whispers.1e5" })
	void rejectsNonNumericIds(String value) {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse(value))
			.withMessageContaining("non-numeric <user_id>")
			.withMessageContaining("Expected whispers.<user_id> with numeric Twitch ids.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "whispers.", "automod-queue..5", "automod-queue.5." })
	void rejectsEmptyParts(String value) {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse(value))
			.withMessageContaining("has an empty <");
	}

	@Test
	void rejectsTopicsWithoutIdsOrText() {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse("whispers"))
			.withMessage("Topic 'whispers' has no ids. Expected whispers.<user_id>.");
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.parse(""))
			.withMessageContaining("must not be empty");
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> TopicType.WHISPERS.topic("1", null))
			.withMessageContaining("has 2 ids");
	}

	@Test
	void keepsUndocumentedTopicsAsTheyAre() {
		Topic topic = Topic.undocumented("hype-train-events-v1.rewards.44322889");
		assertThat(topic.isDocumented()).isFalse();
		assertThat(topic.type()).isNull();
		assertThat(topic.ids()).isEmpty();
		assertThat(topic.authorizingUserId()).isNull();
		assertThat(topic.value()).isEqualTo("hype-train-events-v1.rewards.44322889");
		assertThat(topic).isEqualTo(Topic.undocumented("hype-train-events-v1.rewards.44322889"))
			.hasSameHashCodeAs(Topic.undocumented("hype-train-events-v1.rewards.44322889"));
	}

	@Test
	void anUndocumentedTopicIsNotEqualToTheDocumentedTopicOfTheSameText() {
		assertThat(Topic.undocumented("whispers.1")).isNotEqualTo(Topic.parse("whispers.1"));
	}

	@Test
	void rejectsEmptyOrBlankUndocumentedTopics() {
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.undocumented(""))
			.withMessageContaining("must not be empty");
		assertThatExceptionOfType(InvalidTopicException.class).isThrownBy(() -> Topic.undocumented("polls 1"))
			.withMessageContaining("whitespace");
	}

	@Test
	void invalidTopicExceptionIsAnIllegalArgumentException() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> Topic.parse("nope.1"));
	}

}
