package io.github.twitchjvm.pubsub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HandoverMergerTest {

	private static final int RUNS = 2_000;

	private static final int MAX_MESSAGES = 60;

	private final List<String> delivered = new ArrayList<>();

	@Test
	void whatIsHeldBackIsBoundedInBytesToo() {
		HandoverMerger<String> merger = new HandoverMerger<>(Function.identity(), this.delivered::add, 1000,
				String::length, 10);
		merger.fromOld("o1");
		merger.fromNew("aaaa");
		merger.fromNew("bbbb");
		assertThat(merger.isSwitched()).isFalse();
		merger.fromNew("cccc");
		assertThat(merger.isSwitched()).as("12 bytes held back, more than 10").isTrue();
		assertThat(merger.overflowed()).isTrue();
		assertThat(this.delivered).containsExactly("o1", "aaaa", "bbbb", "cccc");
	}

	@Test
	void newStartsExactlyWhereOldStops() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromOld(m(1));
		merger.fromNew(m(3));
		assertThat(merger.bufferedFromNew()).isEqualTo(1);
		merger.fromOld(m(2));
		assertThat(this.delivered).containsExactly(m(0), m(1), m(2));
		merger.oldEnded();
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(4));
		assertThat(this.delivered).isEqualTo(upTo(5));
		assertThat(merger.duplicatesSuppressed()).isZero();
		assertThat(merger.overflowed()).isFalse();
	}

	@Test
	void largeOverlapWithOldFast() {
		HandoverMerger<String> merger = merger(20);
		IntStream.range(0, 10).forEach((i) -> merger.fromOld(m(i)));
		merger.fromNew(m(3));
		assertThat(merger.bufferedFromNew()).isZero();
		IntStream.range(4, 10).forEach((i) -> merger.fromNew(m(i)));
		// The new side caught up, but the old side may still be the faster one.
		assertThat(merger.isSwitched()).isFalse();
		merger.fromNew(m(10));
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(11));
		merger.oldEnded();
		merger.fromNew(m(12));
		assertThat(this.delivered).isEqualTo(upTo(13));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(7);
	}

	@Test
	void overlapWithNewFast() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromOld(m(1));
		merger.fromNew(m(2));
		merger.fromNew(m(3));
		merger.fromNew(m(4));
		assertThat(this.delivered).containsExactly(m(0), m(1));
		assertThat(merger.bufferedFromNew()).isEqualTo(3);
		merger.fromOld(m(2));
		assertThat(this.delivered).isEqualTo(upTo(5));
		assertThat(merger.isSwitched()).isTrue();
		assertThat(merger.bufferedFromNew()).isZero();
		merger.fromOld(m(3));
		merger.fromOld(m(4));
		merger.oldEnded();
		assertThat(this.delivered).isEqualTo(upTo(5));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(3);
	}

	@Test
	void newSideStartsBeforeOldDeliveredAnythingOfTheOverlap() {
		HandoverMerger<String> merger = merger(10);
		merger.fromNew(m(0));
		merger.fromNew(m(1));
		merger.fromNew(m(2));
		assertThat(this.delivered).isEmpty();
		merger.fromOld(m(0));
		assertThat(this.delivered).isEqualTo(upTo(3));
		merger.fromOld(m(1));
		merger.fromNew(m(3));
		merger.fromOld(m(2));
		merger.oldEnded();
		assertThat(this.delivered).isEqualTo(upTo(4));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(3);
	}

	@Test
	void oldEndsBeforeAlignment() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromNew(m(2));
		merger.fromOld(m(1));
		merger.fromNew(m(3));
		merger.oldEnded();
		assertThat(merger.isSwitched()).isTrue();
		assertThat(this.delivered).isEqualTo(upTo(4));
		assertThat(merger.duplicatesSuppressed()).isZero();
		assertThat(merger.overflowed()).isFalse();
	}

	@Test
	void oldEndsBeforeTheNewSideSendsAnythingWithoutOverlap() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.oldEnded();
		// Only the new side's first message tells whether it repeats m0.
		assertThat(merger.isSwitched()).isFalse();
		merger.fromNew(m(1));
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(2));
		assertThat(this.delivered).isEqualTo(upTo(3));
		assertThat(merger.duplicatesSuppressed()).isZero();
	}

	@Test
	void oldEndsBeforeTheNewSideSendsAnythingWithOverlap() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromOld(m(1));
		merger.oldEnded();
		merger.fromNew(m(0));
		merger.fromNew(m(1));
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(2));
		assertThat(this.delivered).isEqualTo(upTo(3));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(2);
	}

	@Test
	void oldSideMessagesAfterItsEndAreIgnored() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.oldEnded();
		merger.fromOld(m(1));
		merger.fromNew(m(1));
		assertThat(this.delivered).isEqualTo(upTo(2));
	}

	@Test
	void forceSwitchDeliversWhatTheNewSideBuffered() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromNew(m(1));
		merger.fromNew(m(2));
		merger.forceSwitch();
		assertThat(merger.isSwitched()).isTrue();
		assertThat(merger.bufferedFromNew()).isZero();
		assertThat(this.delivered).isEqualTo(upTo(3));
		merger.fromOld(m(1));
		merger.fromNew(m(3));
		assertThat(this.delivered).isEqualTo(upTo(4));
		assertThat(merger.overflowed()).isFalse();
	}

	@Test
	void forceSwitchAfterAlignmentStopsSkipping() {
		HandoverMerger<String> merger = merger(10);
		IntStream.range(0, 4).forEach((i) -> merger.fromOld(m(i)));
		merger.fromNew(m(1));
		merger.forceSwitch();
		assertThat(merger.isSwitched()).isTrue();
		// The documented cost of giving up: the new side's repeat of m2 is delivered
		// again.
		merger.fromNew(m(2));
		assertThat(this.delivered).containsExactly(m(0), m(1), m(2), m(3), m(2));
	}

	@Test
	void overflowSwitchesAndIsReported() {
		HandoverMerger<String> merger = merger(3);
		merger.fromOld(m(0));
		merger.fromNew(m(2));
		merger.fromNew(m(3));
		merger.fromNew(m(4));
		assertThat(merger.overflowed()).isFalse();
		merger.fromNew(m(5));
		assertThat(merger.overflowed()).isTrue();
		assertThat(merger.isSwitched()).isTrue();
		assertThat(merger.bufferedFromNew()).isZero();
		// m1, still on its way on the old side, is the loss the flag warns of.
		merger.fromOld(m(1));
		assertThat(this.delivered).containsExactly(m(0), m(2), m(3), m(4), m(5));
	}

	@Test
	void nothingEverPublished() {
		HandoverMerger<String> merger = merger(10);
		merger.oldEnded();
		assertThat(merger.isSwitched()).isTrue();
		assertThat(this.delivered).isEmpty();
		assertThat(merger.bufferedFromNew()).isZero();
		assertThat(merger.duplicatesSuppressed()).isZero();
		assertThat(merger.overflowed()).isFalse();
		assertThat(merger.misaligned()).isFalse();
	}

	@Test
	void messagesAfterTheSwitchFlowStraightThrough() {
		HandoverMerger<String> merger = merger(10);
		merger.fromOld(m(0));
		merger.fromNew(m(0));
		merger.fromNew(m(1));
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(2));
		assertThat(this.delivered).isEqualTo(upTo(3));
		merger.fromOld(m(1));
		merger.fromOld(m(2));
		merger.fromOld(m(3));
		assertThat(this.delivered).isEqualTo(upTo(3));
		merger.fromNew(m(3));
		assertThat(this.delivered).isEqualTo(upTo(4));
		assertThat(merger.bufferedFromNew()).isZero();
	}

	@Test
	void oldSideIsMutedWhenTheHistoryIsFull() {
		HandoverMerger<String> merger = merger(2);
		merger.fromOld(m(0));
		merger.fromNew(m(0));
		merger.fromOld(m(1));
		merger.fromOld(m(2));
		merger.fromOld(m(3));
		assertThat(this.delivered).isEqualTo(upTo(3));
		merger.fromNew(m(1));
		merger.fromNew(m(2));
		assertThat(merger.isSwitched()).isTrue();
		merger.fromNew(m(3));
		assertThat(this.delivered).isEqualTo(upTo(4));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(4);
		assertThat(merger.overflowed()).isFalse();
	}

	@Test
	void alignsPastMessagesThatFellOutOfTheHistory() {
		HandoverMerger<String> merger = merger(2);
		IntStream.range(0, 5).forEach((i) -> merger.fromOld(m(i)));
		merger.fromNew(m(1));
		merger.fromNew(m(2));
		assertThat(merger.bufferedFromNew()).isEqualTo(2);
		merger.fromNew(m(3));
		assertThat(merger.bufferedFromNew()).isZero();
		merger.fromNew(m(4));
		merger.fromNew(m(5));
		merger.oldEnded();
		assertThat(this.delivered).isEqualTo(upTo(6));
		assertThat(merger.duplicatesSuppressed()).isEqualTo(4);
		assertThat(merger.overflowed()).isFalse();
	}

	@Test
	void oldEndingUnalignedAfterTheHistoryWasCutIsReported() {
		HandoverMerger<String> merger = merger(2);
		IntStream.range(0, 3).forEach((i) -> merger.fromOld(m(i)));
		merger.fromNew(m(0));
		merger.oldEnded();
		assertThat(merger.overflowed()).isTrue();
		assertThat(this.delivered).containsExactly(m(0), m(1), m(2), m(0));
	}

	@Test
	void streamsBreakingTheSuffixPropertyAreReported() {
		HandoverMerger<String> merger = merger(10);
		IntStream.range(0, 3).forEach((i) -> merger.fromOld(m(i)));
		merger.fromNew(m(1));
		assertThat(merger.misaligned()).isFalse();
		// m2 never arrives on the new side: a gap the server promises not to leave.
		merger.fromNew(m(3));
		assertThat(merger.misaligned()).isTrue();
		assertThat(merger.isSwitched()).isTrue();
		assertThat(this.delivered).isEqualTo(upTo(4));
	}

	@Test
	void identicalMessagesAcrossTheSwitchPointAreAKnownLimit() {
		HandoverMerger<String> merger = merger(10);
		// Published: a, a, b. The new side's first "a" is aligned on the latest "a" the
		// old side delivered.
		merger.fromOld("a");
		merger.fromOld("a");
		merger.fromNew("a");
		merger.fromNew("a");
		merger.fromNew("b");
		merger.oldEnded();
		assertThat(this.delivered).containsExactly("a", "a", "a", "b");
	}

	@Test
	void rejectsAnEmptyBound() {
		assertThatIllegalArgumentException().isThrownBy(() -> merger(0));
	}

	@Test
	void deliversEveryMessageOnceInOrderForAnyInterleaving() {
		for (long seed = 0; seed < RUNS; seed++) {
			Scenario scenario = Scenario.random(seed);
			List<String> delivered = new ArrayList<>();
			HandoverMerger<String> merger = new HandoverMerger<>(Function.identity(), delivered::add, MAX_MESSAGES + 4,
					String::length, Long.MAX_VALUE);
			scenario.feed(feed(merger));
			assertThat(delivered).as("delivered, %s", scenario).isEqualTo(scenario.expected());
			assertThat(merger.duplicatesSuppressed()).as("duplicates, %s", scenario)
				.isEqualTo(scenario.c() - scenario.k());
			// Unless the new side sent nothing: then its first message, still to come,
			// could repeat the old side.
			boolean newSideDecided = scenario.k() < scenario.n() || scenario.c() == 0;
			assertThat(merger.isSwitched()).as("switched, %s", scenario).isEqualTo(newSideDecided);
			assertThat(merger.bufferedFromNew()).as("buffered, %s", scenario).isZero();
			assertThat(merger.overflowed()).as("overflowed, %s", scenario).isFalse();
			assertThat(merger.misaligned()).as("misaligned, %s", scenario).isFalse();
			merger.fromOld("late");
			merger.fromNew("after");
			assertThat(merger.isSwitched()).as("switched after more, %s", scenario).isTrue();
			assertThat(delivered).as("after the switch, %s", scenario).endsWith("after").doesNotContain("late");
		}
	}

	@Test
	void smallBoundsStayExactUnlessOverflowIsReported() {
		int exact = 0;
		int reported = 0;
		for (long seed = 0; seed < RUNS; seed++) {
			Scenario scenario = Scenario.random(seed);
			int maxBuffered = 1 + (int) (seed % 8);
			List<String> delivered = new ArrayList<>();
			HandoverMerger<String> merger = new HandoverMerger<>(Function.identity(), delivered::add, maxBuffered,
					String::length, Long.MAX_VALUE);
			scenario.feed(feed(merger));
			assertThat(merger.bufferedFromNew()).as("buffered, %s", scenario).isZero();
			assertThat(merger.misaligned()).as("misaligned, %s", scenario).isFalse();
			if (merger.overflowed()) {
				reported++;
				continue;
			}
			exact++;
			assertThat(delivered).as("delivered with maxBuffered %d, %s", maxBuffered, scenario)
				.isEqualTo(scenario.expected());
			assertThat(merger.duplicatesSuppressed()).as("duplicates, %s", scenario)
				.isEqualTo(scenario.c() - scenario.k());
		}
		// Both branches must be exercised for the test to mean anything.
		assertThat(exact).isGreaterThan(RUNS / 4);
		assertThat(reported).isPositive();
	}

	@Test
	void propertyCheckCatchesWrongMergers() {
		// Delivers both streams: duplicates.
		assertThat(firstFailingSeed((deliver) -> new Feed() {

			@Override
			public void fromOld(String message) {
				deliver.accept(message);
			}

			@Override
			public void fromNew(String message) {
				deliver.accept(message);
			}

			@Override
			public void oldEnded() {
			}

		})).isNotNull();
		// Switches at the new side's first message: loses what the old side had yet to
		// deliver.
		assertThat(firstFailingSeed((deliver) -> new Feed() {

			private boolean switched;

			@Override
			public void fromOld(String message) {
				if (!this.switched) {
					deliver.accept(message);
				}
			}

			@Override
			public void fromNew(String message) {
				this.switched = true;
				deliver.accept(message);
			}

			@Override
			public void oldEnded() {
			}

		})).isNotNull();
		// Delivers whatever it has not seen yet: no loss, no duplicates, but out of order
		// when the new side is ahead.
		assertThat(firstFailingSeed((deliver) -> new Feed() {

			private final Set<String> seen = new HashSet<>();

			@Override
			public void fromOld(String message) {
				if (this.seen.add(message)) {
					deliver.accept(message);
				}
			}

			@Override
			public void fromNew(String message) {
				fromOld(message);
			}

			@Override
			public void oldEnded() {
			}

		})).isNotNull();
	}

	private static @Nullable Long firstFailingSeed(Function<Consumer<String>, Feed> mergers) {
		for (long seed = 0; seed < RUNS; seed++) {
			Scenario scenario = Scenario.random(seed);
			List<String> delivered = new ArrayList<>();
			scenario.feed(mergers.apply(delivered::add));
			if (!delivered.equals(scenario.expected())) {
				return seed;
			}
		}
		return null;
	}

	private HandoverMerger<String> merger(int maxBuffered) {
		return new HandoverMerger<>(Function.identity(), this.delivered::add, maxBuffered, String::length,
				Long.MAX_VALUE);
	}

	private static Feed feed(HandoverMerger<String> merger) {
		return new Feed() {

			@Override
			public void fromOld(String message) {
				merger.fromOld(message);
			}

			@Override
			public void fromNew(String message) {
				merger.fromNew(message);
			}

			@Override
			public void oldEnded() {
				merger.oldEnded();
			}

		};
	}

	private static String m(int index) {
		return "m" + index;
	}

	private static List<String> upTo(int count) {
		return IntStream.range(0, count).mapToObj(HandoverMergerTest::m).toList();
	}

	/**
	 * What the merger is driven through, so that the property check can be pointed at
	 * deliberately wrong mergers.
	 */
	private interface Feed {

		void fromOld(String message);

		void fromNew(String message);

		void oldEnded();

	}

	private enum Source {

		OLD, NEW, OLD_ENDED

	}

	private record Step(Source source, String message) {
	}

	/**
	 * One handover: {@code n} messages published, the old side receiving the first
	 * {@code c}, the new side those from {@code k} on, arriving in the order of
	 * {@code steps}.
	 */
	private record Scenario(long seed, int n, int c, int k, boolean endLate, List<Step> steps) {

		static Scenario random(long seed) {
			Random random = new Random(seed);
			int n = random.nextInt(MAX_MESSAGES + 1);
			int c = random.nextInt(n + 1);
			int k = random.nextInt(c + 1);
			// From "new side always first" to "old side always first", with the extremes
			// drawn often.
			double[] biases = { 0.0, 0.05, 0.5, 0.95, 1.0, random.nextDouble() };
			double oldFirst = biases[random.nextInt(biases.length)];
			boolean endLate = random.nextBoolean();
			List<Step> steps = new ArrayList<>();
			int nextOld = 0;
			int nextNew = k;
			boolean ended = false;
			while (nextOld < c || nextNew < n) {
				if (!ended && !endLate && nextOld == c) {
					steps.add(new Step(Source.OLD_ENDED, ""));
					ended = true;
				}
				boolean old = (nextOld < c) && (nextNew == n || random.nextDouble() < oldFirst);
				steps.add(old ? new Step(Source.OLD, m(nextOld++)) : new Step(Source.NEW, m(nextNew++)));
			}
			if (!ended) {
				steps.add(new Step(Source.OLD_ENDED, ""));
			}
			return new Scenario(seed, n, c, k, endLate, List.copyOf(steps));
		}

		List<String> expected() {
			return upTo(this.n);
		}

		void feed(Feed feed) {
			for (Step step : this.steps) {
				switch (step.source()) {
					case OLD -> feed.fromOld(step.message());
					case NEW -> feed.fromNew(step.message());
					case OLD_ENDED -> feed.oldEnded();
				}
			}
		}

		@Override
		public String toString() {
			return "seed " + this.seed + ": N=" + this.n + " c=" + this.c + " k=" + this.k + " endLate=" + this.endLate
					+ " steps=" + this.steps;
		}

	}

}
