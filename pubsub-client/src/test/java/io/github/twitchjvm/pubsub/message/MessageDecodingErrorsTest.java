package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A message that is not one JSON object gets a clear error naming the topic type, for
 * every family; inside the object, odd values are absent rather than errors.
 */
class MessageDecodingErrorsTest {

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void rejectsTextThatIsNotJson(TopicType type) {
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> PayloadCodec.standard().decode(type, "{\"type\": oops}"))
			.withMessageStartingWith("Cannot decode " + type.prefix() + " message: ")
			.satisfies((ex) -> assertThat(ex.topicType()).isEqualTo(type));
	}

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void rejectsJsonThatIsNotAnObject(TopicType type) {
		for (String json : new String[] { "[]", "\"text\"", "42", "null" }) {
			assertThatExceptionOfType(MessageDecodingException.class)
				.isThrownBy(() -> PayloadCodec.standard().decode(type, json))
				.withMessageStartingWith("Cannot decode " + type.prefix() + " message: ");
		}
	}

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void rejectsContentAfterTheObject(TopicType type) {
		String json = "{\"type\":\"x\",\"context\":\"x\",\"message_type\":\"x\"} {}";
		assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> PayloadCodec.standard().decode(type, json))
			.withMessageStartingWith("Cannot decode " + type.prefix() + " message: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\":\"reward-redeemed\",\"data\":{\"timestamp\":\"yesterday\"}}",
			"{\"type\":\"reward-redeemed\",\"data\":{\"redemption\":{\"reward\":{\"cost\":\"free\"}}}}",
			"{\"type\":\"reward-redeemed\",\"data\":[1,2]}", "{\"type\":\"reward-redeemed\"}" })
	void aKnownTypeWhoseDataCannotBeMappedHasThoseFieldsAbsent(String json) {
		assertThat(PayloadCodec.standard().decode(TopicType.CHANNEL_POINTS, json))
			.isInstanceOfSatisfying(ChannelPointsEvent.RewardRedeemed.class, (redeemed) -> {
				assertThat(redeemed.timestamp()).isEqualTo(Instant.EPOCH);
				assertThat(redeemed.redemption().reward().cost()).isZero();
				assertThat(redeemed.redemption().status()).isEqualTo(ChannelPointsEvent.RedemptionStatus.UNRECOGNIZED);
			});
	}

	@ParameterizedTest
	@EnumSource(value = TopicType.class, names = { "WHISPERS", "CHANNEL_POINTS", "CHAT_MODERATOR_ACTIONS",
			"AUTOMOD_QUEUE", "USER_MODERATION_NOTIFICATIONS", "LOW_TRUST_USERS" })
	void aMissingTypeIsUnknown(TopicType type) {
		String json = "{\"data\":{\"anything\":1}}";
		assertThat(PayloadCodec.standard().decode(type, json)).isInstanceOfSatisfying(UnknownPayload.class,
				(unknown) -> {
					assertThat(unknown.type()).isNull();
					assertThat(unknown.json()).isEqualTo(json);
				});
	}

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void ignoresUnknownFields(TopicType type) {
		RandomPayloads random = new RandomPayloads(7);
		for (Class<?> variant : RandomPayloads.variantsOf(PayloadCodec.payloadType(type))) {
			PubSubPayload payload = (PubSubPayload) random.record(variant);
			String json = PayloadCodec.standard().encode(payload);
			String withExtras = "{\"zz_new_field\":{\"deep\":[1,{\"x\":null}]}," + json.substring(1);
			assertThat(PayloadCodec.standard().decode(type, withExtras)).isEqualTo(payload);
		}
	}

}
