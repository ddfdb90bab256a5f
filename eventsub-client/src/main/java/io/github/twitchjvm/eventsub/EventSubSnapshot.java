package io.github.twitchjvm.eventsub;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the client holds at one moment, for health checks and status pages.
 *
 * @param sessions the open sessions
 * @param subscriptions every subscription the application made and did not cancel
 * @param counters totals since the client was built
 */
public record EventSubSnapshot(List<SessionView> sessions, List<EventSubSubscription> subscriptions,
		Counters counters) {

	public EventSubSnapshot {
		sessions = List.copyOf(sessions);
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * One session.
	 *
	 * @param userId the user whose subscriptions it carries
	 * @param sessionId Twitch's session id, or {@code null} before the welcome
	 * @param subscriptions how many subscriptions it carries
	 * @param welcomed whether Twitch welcomed it
	 */
	public record SessionView(String userId, @Nullable String sessionId, int subscriptions, boolean welcomed) {
	}

	/**
	 * Totals.
	 *
	 * @param received notifications received (duplicates included)
	 * @param delivered notifications a handler returned from
	 * @param handlerFailures notifications a handler threw on
	 * @param malformedFrames messages from the server that were no EventSub frame
	 * @param dropped notifications that reached no handler, by reason ({@code duplicate},
	 * {@code too_old}, {@code no_subscriber}, {@code queue_full}, {@code decode_error}:
	 * {@link io.github.twitchjvm.core.dispatch.DropReason#tagValue()})
	 * @param reconnects sessions replaced, by cause
	 */
	public record Counters(long received, long delivered, long handlerFailures, long malformedFrames,
			Map<String, Long> dropped, Map<String, Long> reconnects) {

		public Counters {
			dropped = Map.copyOf(dropped);
			reconnects = Map.copyOf(reconnects);
		}

	}

}
