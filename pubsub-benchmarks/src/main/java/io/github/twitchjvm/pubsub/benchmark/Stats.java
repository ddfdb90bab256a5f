package io.github.twitchjvm.pubsub.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median and spread of a few rounds. */
record Stats(double median, double min, double max) {

	static Stats of(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(median, sorted.get(0), sorted.get(n - 1));
	}

	String format(String unit) {
		return String.format("%,.0f %s (%,.0f to %,.0f)", this.median, unit, this.min, this.max);
	}

	String formatDecimal(String unit) {
		return String.format("%,.2f %s (%,.2f to %,.2f)", this.median, unit, this.min, this.max);
	}

}
