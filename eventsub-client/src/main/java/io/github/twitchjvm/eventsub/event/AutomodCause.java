package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.twitchjvm.jackson.Lists;

/**
 * Why AutoMod held a message ({@code automod.message.hold} and {@code .update} version
 * 2): the reason and the object that goes with it.
 */
public final class AutomodCause {

	private AutomodCause() {
	}

	/** What caught the message. */
	public enum Reason {

		/** AutoMod's classifier. */
		AUTOMOD,

		/** One of the channel's (public) blocked terms. */
		BLOCKED_TERM,

		/** A reason this version does not know. */
		@JsonEnumDefaultValue
		UNRECOGNIZED

	}

	/**
	 * What AutoMod's classifier found.
	 *
	 * @param category the category, for example {@code aggressive}
	 * @param level the severity, 1 to 4
	 * @param boundaries the parts of the text that caused it, never {@code null}
	 */
	public record Automod(String category, int level, List<Boundary> boundaries) {

		public Automod {
			Objects.requireNonNull(category, "category");
			boundaries = Lists.copyOf(boundaries);
		}

	}

	/**
	 * The blocked terms found.
	 *
	 * @param termsFound the terms, never {@code null}
	 */
	public record BlockedTerm(List<TermFound> termsFound) {

		public BlockedTerm {
			termsFound = Lists.copyOf(termsFound);
		}

	}

	/**
	 * One blocked term found in a message.
	 *
	 * @param termId the blocked term's id
	 * @param boundary where it is in the text
	 * @param ownerBroadcaster the broadcaster who owns the term
	 */
	public record TermFound(String termId, Boundary boundary,
			@JsonUnwrapped(prefix = "owner_broadcaster_user_") User ownerBroadcaster) {

		public TermFound {
			Objects.requireNonNull(termId, "termId");
			Objects.requireNonNull(boundary, "boundary");
			Objects.requireNonNull(ownerBroadcaster, "ownerBroadcaster");
		}

	}

	/**
	 * A part of a message's text, by indices counted from 0.
	 *
	 * @param startPos the first index
	 * @param endPos the last index
	 */
	public record Boundary(int startPos, int endPos) {

	}

}
