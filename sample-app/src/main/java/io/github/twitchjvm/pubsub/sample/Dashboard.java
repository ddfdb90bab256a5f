package io.github.twitchjvm.pubsub.sample;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.actuate.EventSubActivity;
import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.actuate.PubSubActivity;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the live page shows besides the feed, read when asked: the connection and each
 * topic (or, over EventSub, each session and subscription) from the client's snapshot,
 * with the per-topic counts the starter's activity keeps, and the handlers' own state.
 */
@Component
class Dashboard {

	private final @Nullable PubSubClient pubSub;

	private final @Nullable EventSubClient eventSub;

	private final ObjectProvider<PubSubActivity> pubSubActivity;

	private final ObjectProvider<EventSubActivity> eventSubActivity;

	private final ObjectProvider<LoginStatus> login;

	private final Handlers handlers;

	private final EventFeed feed;

	Dashboard(ObjectProvider<PubSubClient> pubSub, ObjectProvider<EventSubClient> eventSub,
			ObjectProvider<PubSubActivity> pubSubActivity, ObjectProvider<EventSubActivity> eventSubActivity,
			ObjectProvider<LoginStatus> login, Handlers handlers, EventFeed feed) {
		this.pubSub = pubSub.getIfUnique();
		this.eventSub = eventSub.getIfUnique();
		this.pubSubActivity = pubSubActivity;
		this.eventSubActivity = eventSubActivity;
		this.login = login;
		this.handlers = handlers;
		this.feed = feed;
	}

	PageState state() {
		LoginStatus login = this.login.getIfAvailable();
		Login loginState = (login != null) ? login.status() : null;
		Channel channel = this.handlers.channel();
		FeedState feed = new FeedState(this.feed.recent().size(), this.feed.dropped(), this.feed.browsers());
		if (this.pubSub != null) {
			return pubSub(this.pubSub, channel, feed, loginState);
		}
		if (this.eventSub != null) {
			return eventSub(this.eventSub, channel, feed, loginState);
		}
		return new PageState("none", false, false, List.of(), List.of(), 0, channel, feed, loginState);
	}

	private PageState pubSub(PubSubClient client, Channel channel, FeedState feed, @Nullable Login login) {
		ClientSnapshot snapshot = client.snapshot();
		PubSubActivity activity = this.pubSubActivity.getIfAvailable();
		List<Link> connections = snapshot.connections()
			.stream()
			.map((connection) -> new Link(connection.id(), connection.state().name(), connection.topics(),
					connection.reconnects()))
			.toList();
		List<Subscription> topics = snapshot.topics()
			.stream()
			.map((topic) -> new Subscription(topic.topic().value(), topic.state().name(), topic.failure(),
					(activity != null) ? activity.messages(topic.topic()) : 0,
					(activity != null) ? activity.lastMessageAt(topic.topic()) : null))
			.sorted(Comparator.comparing(Subscription::name))
			.toList();
		return new PageState("pubsub", snapshot.running(), client.isConnected(), connections, topics,
				snapshot.counters().messagesReceived(), channel, feed, login);
	}

	private PageState eventSub(EventSubClient client, Channel channel, FeedState feed, @Nullable Login login) {
		EventSubSnapshot snapshot = client.snapshot();
		EventSubActivity activity = this.eventSubActivity.getIfAvailable();
		List<Link> sessions = snapshot.sessions()
			.stream()
			.map((session) -> new Link((session.sessionId() != null) ? session.sessionId() : "(connecting)",
					session.welcomed() ? "WELCOMED" : "CONNECTING", session.subscriptions(), 0))
			.toList();
		List<Subscription> subscriptions = SubscriptionsAtTwitch.of(snapshot)
			.stream()
			.map((subscription) -> new Subscription(subscription.type() + " " + subscription.condition(),
					subscription.state().name(),
					(subscription.failure() != null) ? String.valueOf(subscription.failure().getMessage())
							: subscription.revocationStatus(),
					(activity != null) ? activity.notifications(subscription) : 0,
					(activity != null) ? activity.lastNotificationAt(subscription) : null))
			.sorted(Comparator.comparing(Subscription::name))
			.toList();
		return new PageState("eventsub", client.isRunning(), client.isConnected(), sessions, subscriptions,
				snapshot.counters().received(), channel, feed, login);
	}

	/**
	 * The page's state.
	 *
	 * @param transport {@code pubsub} or {@code eventsub}
	 * @param running whether the client is started
	 * @param connected whether it is connected
	 * @param connections its sockets (PubSub) or sessions (EventSub)
	 * @param topics its topics (PubSub) or subscriptions (EventSub) with their counts
	 * @param received messages or notifications received
	 * @param channel the handlers' state
	 * @param feed the feed's numbers
	 * @param login the Twitch login, or {@code null} when the application has none (the
	 * demo)
	 */
	record PageState(String transport, boolean running, boolean connected, List<Link> connections,
			List<Subscription> topics, long received, Channel channel, FeedState feed, @Nullable Login login) {
	}

	/**
	 * A socket or session.
	 *
	 * @param id its id
	 * @param state its state
	 * @param topics the topics or subscriptions it carries
	 * @param reconnects how often it reconnected
	 */
	record Link(String id, String state, int topics, long reconnects) {
	}

	/**
	 * A topic or subscription.
	 *
	 * @param name the topic, or the type and condition
	 * @param state its state
	 * @param problem why it failed or was revoked, or {@code null}
	 * @param count messages received on it
	 * @param lastAt when the last came, or {@code null}
	 */
	record Subscription(String name, String state, @Nullable String problem, long count, @Nullable Instant lastAt) {
	}

	/**
	 * The feed's numbers.
	 *
	 * @param kept entries a new page gets
	 * @param dropped entries pages missed because they fell behind
	 * @param pages open pages
	 */
	record FeedState(int kept, long dropped, int pages) {
	}

	/**
	 * The handlers' state, as a dashboard shows it.
	 *
	 * @param totalBits bits cheered
	 * @param anonymousBits of which anonymously
	 * @param leaders the cheer leaderboard
	 * @param redemptions redemptions to fulfil
	 * @param rewardChanges custom rewards created, changed or deleted
	 * @param subscriptionsByTier subscriptions by tier
	 * @param gifts gifted subscriptions
	 * @param moderatorActions moderator actions by kind
	 * @param heldMessages messages AutoMod holds for review
	 * @param ownMessagesCaught the bot's own messages AutoMod caught
	 * @param lowTrustUsers users watched and their treatment
	 * @param lowTrustMessages messages from them
	 * @param badges the highest Bits badge of each viewer
	 * @param whisperAnswers the last answers to whispered commands
	 */
	record Channel(long totalBits, long anonymousBits, List<Leader> leaders, List<String> redemptions,
			int rewardChanges, Map<String, Integer> subscriptionsByTier, int gifts,
			Map<String, Integer> moderatorActions, List<String> heldMessages, int ownMessagesCaught,
			Map<String, String> lowTrustUsers, int lowTrustMessages, Map<String, Integer> badges,
			List<String> whisperAnswers) {
	}

	/**
	 * A place on the cheer leaderboard.
	 *
	 * @param viewer the viewer
	 * @param bits their bits
	 */
	record Leader(String viewer, long bits) {
	}

	/**
	 * The Twitch login of the {@code twitch} profile.
	 *
	 * @param authorized whether the bot's user has authorized the application
	 * @param user the bot's user id
	 * @param loginUrl where to log in
	 */
	record Login(boolean authorized, String user, String loginUrl) {
	}

	/** The login's status, for the page: a bean of the {@code twitch} profile. */
	interface LoginStatus {

		/**
		 * The status now.
		 * @return whether the bot's user is authorized, and where to log in
		 */
		Login status();

	}

}
