package io.github.twitchjvm.bridge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one EventSub notification became for one topic: the PubSub messages to deliver
 * (usually one), or none and why.
 *
 * @param messages the inner PubSub message texts ({@code data.message} on the PubSub
 * wire), in delivery order
 * @param skipReason why nothing is delivered, or {@code null} when something is
 */
record Conversion(List<String> messages, @Nullable String skipReason) {

	Conversion {
		messages = List.copyOf(messages);
	}

	static Conversion deliver(String... messages) {
		return new Conversion(List.of(messages), null);
	}

	static Conversion deliver(List<String> messages) {
		return new Conversion(messages, null);
	}

	/**
	 * Nothing to deliver.
	 * @param reason a short, stable key (no user data), such as {@code notice_type=resub}
	 */
	static Conversion skip(String reason) {
		return new Conversion(List.of(), reason);
	}

	boolean skipped() {
		return this.skipReason != null;
	}

}
