package io.github.twitchjvm.pubsub.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A backlog keeps the newest items within its limit, oldest first. */
class BacklogTests {

	@Test
	void forgetsTheOldestItemPastItsLimitAndCountsIt() {
		Backlog<String> backlog = new Backlog<>(2);
		backlog.put("r1", "Hydrate for glitterbean");
		backlog.put("r2", "Song request for pixelmoth");
		backlog.put("r3", "Highlight for quietfern");
		assertThat(backlog.items()).containsExactly("Song request for pixelmoth", "Highlight for quietfern");
		assertThat(backlog.oldest()).isEqualTo("Song request for pixelmoth");
		assertThat(backlog.forgotten()).isOne();
		assertThat(backlog.remove("r1")).isNull();
		assertThat(backlog.remove("r2")).isEqualTo("Song request for pixelmoth");
		assertThat(backlog.size()).isOne();
	}

	@Test
	void anEmptyBacklogHasNoOldestItem() {
		Backlog<String> backlog = new Backlog<>(1);
		assertThat(backlog.oldest()).isNull();
		assertThat(backlog.items()).isEmpty();
	}

}
