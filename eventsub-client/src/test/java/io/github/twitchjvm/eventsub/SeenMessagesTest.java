package io.github.twitchjvm.eventsub;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Duplicates within the window are recognised; memory stays bounded. */
class SeenMessagesTest {

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	@Test
	void recognisesAMessageSeenWithinTheWindowOnly() {
		SeenMessages seen = new SeenMessages(10 * MINUTE, 100);
		assertThat(seen.firstTime("a", 0)).isTrue();
		assertThat(seen.firstTime("a", 9 * MINUTE)).isFalse();
		assertThat(seen.firstTime("b", 9 * MINUTE)).isTrue();
		assertThat(seen.firstTime("a", 11 * MINUTE)).isTrue();
		assertThat(seen.size()).isEqualTo(2);
	}

	@Test
	void forgetsTheOldestBeyondItsBound() {
		SeenMessages seen = new SeenMessages(10 * MINUTE, 3);
		for (String id : new String[] { "a", "b", "c", "d" }) {
			assertThat(seen.firstTime(id, 1)).isTrue();
		}
		assertThat(seen.size()).isEqualTo(3);
		assertThat(seen.firstTime("d", 2)).isFalse();
		assertThat(seen.firstTime("a", 2)).isTrue();
	}

	@Test
	void theTokenUserIsTheModeratorThenTheUserThenTheBroadcaster() {
		assertThat(EventSubEngine.tokenUser(Map.of("broadcaster_user_id", "1", "moderator_user_id", "2")))
			.isEqualTo("2");
		assertThat(EventSubEngine.tokenUser(Map.of("broadcaster_user_id", "1", "user_id", "3"))).isEqualTo("3");
		assertThat(EventSubEngine.tokenUser(Map.of("broadcaster_user_id", "1"))).isEqualTo("1");
		assertThatIllegalArgumentException().isThrownBy(() -> EventSubEngine.tokenUser(Map.of("reward_id", "x")));
	}

}
