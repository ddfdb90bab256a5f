package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BitsBadgeUnlockTest {

	@Test
	void decodesTheFlatObject() {
		BitsBadgeUnlock unlock = Fixtures.decode(TopicType.BITS_BADGE_UNLOCKS, "bits-badge-unlocks/badge_unlock.json",
				BitsBadgeUnlock.class);
		assertThat(unlock).isEqualTo(new BitsBadgeUnlock("140982375", "emberquill", "75330112", "lanternlake", 5000,
				"just unlocked the 5k badge, thanks lantern crew!", Instant.parse("2023-05-21T21:03:44.611270934Z")));
	}

	@Test
	void encodesTheFlatObjectWithoutEnvelope() {
		BitsBadgeUnlock unlock = new BitsBadgeUnlock("1", "a", "2", "b", 1000, "hi",
				Instant.parse("2023-01-01T00:00:00Z"));
		assertThat(PayloadCodec.standard().encode(unlock)).isEqualTo("{\"user_id\":\"1\",\"user_name\":\"a\","
				+ "\"channel_id\":\"2\",\"channel_name\":\"b\",\"badge_tier\":1000,\"chat_message\":\"hi\","
				+ "\"time\":\"2023-01-01T00:00:00Z\"}");
	}

}
