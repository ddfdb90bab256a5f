package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.List;

import io.github.twitchjvm.pubsub.message.LowTrustUserEvent.BanEvasionEvaluation;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent.Treatment;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent.Type;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LowTrustUserEventTest {

	private static <T> T decode(String file, Class<T> type) {
		return Fixtures.decode(TopicType.LOW_TRUST_USERS, "low-trust-users/" + file, type);
	}

	@Test
	void decodesATreatmentUpdateWithGoZeroTimeAndEmptyEvaluation() {
		LowTrustUserEvent.TreatmentUpdate update = decode("treatment_update.json",
				LowTrustUserEvent.TreatmentUpdate.class);
		assertThat(update.lowTrustId()).isEqualTo("53210874.462093518");
		assertThat(update.channelId()).isEqualTo("53210874");
		assertThat(update.updatedBy()).isEqualTo(new TwitchUser("53210874", "saltflat_sol", "SaltFlat_Sol"));
		assertThat(update.updatedAt()).isEqualTo(Instant.parse("2023-04-02T16:45:09.281736045Z"));
		assertThat(update.targetUserId()).isEqualTo("462093518");
		assertThat(update.targetUser()).isEqualTo("murky_milo");
		assertThat(update.treatment()).isEqualTo(Treatment.RESTRICTED);
		assertThat(update.types()).containsExactly(Type.MANUALLY_ADDED);
		assertThat(update.banEvasionEvaluation()).as("\"\"").isNull();
		assertThat(update.evaluatedAt()).as("0001-01-01T00:00:00Z").isNull();
	}

	@Test
	void decodesADetectedEvaderWithTheEmptyNamesOfMay2023() {
		LowTrustUserEvent.TreatmentUpdate update = decode("treatment_update_evader.json",
				LowTrustUserEvent.TreatmentUpdate.class);
		assertThat(update.updatedBy()).isEqualTo(new TwitchUser("181590273", null, null));
		assertThat(update.treatment()).isEqualTo(Treatment.ACTIVE_MONITORING);
		assertThat(update.types()).containsExactly(Type.DETECTED_BAN_EVADER, Type.BANNED_IN_SHARED_CHANNEL);
		assertThat(update.banEvasionEvaluation()).isEqualTo(BanEvasionEvaluation.LIKELY_EVADER);
		assertThat(update.evaluatedAt()).isEqualTo(Instant.parse("2023-05-16T08:10:34.017263598Z"));
	}

	@Test
	void decodesANewMessage() {
		LowTrustUserEvent.NewMessage message = decode("new_message.json", LowTrustUserEvent.NewMessage.class);
		assertThat(message.messageId()).isEqualTo("d61a8e34-7b05-4f9c-a2d3-0e8b5c47f192");
		assertThat(message.sentAt()).isEqualTo(Instant.parse("2023-09-08T22:33:02.117480956Z"));
		LowTrustUserEvent.LowTrustUser user = message.lowTrustUser();
		assertThat(user.id()).isEqualTo("684027391");
		assertThat(user.lowTrustId()).isEqualTo("53210874.684027391");
		assertThat(user.sender().login()).isEqualTo("sneaky_sable");
		assertThat(user.sender().chatColor()).isEqualTo("#B22222");
		assertThat(user.sender().badges()).containsExactly(new Badge("premium", "1"));
		assertThat(user.treatment()).isEqualTo(Treatment.ACTIVE_MONITORING);
		assertThat(user.banEvasionEvaluation()).isEqualTo(BanEvasionEvaluation.POSSIBLE_EVADER);
		assertThat(user.updatedBy().login()).isEqualTo("dunewatch_mod");
		assertThat(user.sharedBanChannelIds()).containsExactly("71658320");
		assertThat(user.types()).containsExactly(Type.BANNED_IN_SHARED_CHANNEL);
		assertThat(message.messageContent().text()).isEqualTo("hi again everyone LUL missed me?");
		assertThat(message.messageContent().fragments()).hasSize(3);
		assertThat(message.messageContent().fragments().get(1).emoticon())
			.isEqualTo(new MessageFragment.Emoticon("425618", "0"));
	}

	@Test
	void decodesAMinimalNewMessage() {
		LowTrustUserEvent.NewMessage message = decode("new_message_minimal.json", LowTrustUserEvent.NewMessage.class);
		LowTrustUserEvent.LowTrustUser user = message.lowTrustUser();
		assertThat(user.sharedBanChannelIds()).as("null").isEmpty();
		assertThat(user.sender().chatColor()).isNull();
		assertThat(user.sender().badges()).isEmpty();
		assertThat(user.evaluatedAt()).isNull();
		assertThat(user.banEvasionEvaluation()).isNull();
		assertThat(message.messageContent().fragments())
			.containsExactly(new MessageFragment("is the giveaway still on", null, null, null, null));
		assertThat(user.types()).isEqualTo(List.of(Type.MANUALLY_ADDED));
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("low-trust-users/unknown.json");
		assertThat(PayloadCodec.standard().decode(TopicType.LOW_TRUST_USERS, json))
			.isEqualTo(new LowTrustUserEvent.Unknown("low_trust_user_note", json));
	}

	@Test
	void readsUnknownTreatmentsAndTypesAsUnrecognized() {
		String json = Fixtures.text("low-trust-users/treatment_update_evader.json")
			.replace("\"ACTIVE_MONITORING\"", "\"SHADOW_MUTED\"")
			.replace("\"DETECTED_BAN_EVADER\"", "\"AI_FLAGGED\"");
		LowTrustUserEvent.TreatmentUpdate update = (LowTrustUserEvent.TreatmentUpdate) PayloadCodec.standard()
			.decode(TopicType.LOW_TRUST_USERS, json);
		assertThat(update.treatment()).isEqualTo(Treatment.UNRECOGNIZED);
		assertThat(update.types()).containsExactly(Type.UNRECOGNIZED, Type.BANNED_IN_SHARED_CHANNEL);
	}

}
