package io.github.twitchjvm.pubsub.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import io.github.twitchjvm.pubsub.sample.DemoScenario.Person;
import io.github.twitchjvm.pubsub.sample.DemoScenario.Reward;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;

/**
 * What happens on the demo channel, whichever protocol tells it, as the
 * {@link DemoScenario} writes it: each beat is one event of a family, with every detail
 * decided (who, how much, what text, which open redemption is fulfilled), so that the
 * publishers of the two protocols only write it in their own JSON. Redemptions, held
 * messages and the bot's own held messages stay open until an event of the scenario
 * resolves them, as on Twitch. A run is the same story every time (the scenario's seed).
 * Used on the demo's publishing thread only.
 */
final class DemoStory {

	/** The scenario's families, in the order the weights are read. */
	static final List<String> FAMILIES = List.of("whispers", "cheers", "badges", "channel-points", "subscriptions",
			"moderation", "automod", "own-messages", "low-trust");

	/** The kinds that resolve an open redemption or held message. */
	private static final Set<String> RESOLVING = Set.of("fulfil", "refund", "approve", "deny", "expire", "invalid");

	/** Moderator actions on a chatter, whom the moderators deal with. */
	private static final Set<String> ON_TROUBLEMAKERS = Set.of("ban", "timeout", "untimeout", "delete", "warn");

	/** Moderator actions that promote a viewer. */
	private static final Set<String> ON_VIEWERS = Set.of("vip", "mod");

	private final DemoScenario scenario;

	private final Random random;

	private final Map<String, Integer> turns = new HashMap<>();

	private final Deque<Redemption> openRedemptions = new ArrayDeque<>();

	private final Deque<HeldMessage> heldMessages = new ArrayDeque<>();

	private final Deque<OwnMessage> ownHeldMessages = new ArrayDeque<>();

	DemoStory(DemoScenario scenario) {
		this.scenario = scenario;
		this.random = new Random(scenario.seed());
		FAMILIES.forEach(scenario::family);
	}

	DemoScenario scenario() {
		return this.scenario;
	}

	/**
	 * The next beat.
	 * @return what happens next
	 */
	Beat next() {
		String family = weighted(FAMILIES, (name) -> this.scenario.family(name).weight());
		return beat(family, event(family));
	}

	private Map<String, String> event(String name) {
		DemoScenario.Family family = this.scenario.family(name);
		List<Map<String, String>> events = family.events();
		Map<String, String> event;
		if ("sequence".equals(family.order())) {
			int turn = this.turns.merge(name, 1, Integer::sum) - 1;
			event = events.get(turn % events.size());
		}
		else {
			event = weighted(events, DemoStory::weight);
		}
		Deque<?> open = open(name);
		if (open != null) {
			boolean resolving = RESOLVING.contains(kind(event));
			if (resolving ? open.isEmpty() : open.size() >= this.scenario.maxOpen()) {
				// Nothing to resolve: open one; too many open: resolve one.
				List<Map<String, String>> others = events.stream()
					.filter((candidate) -> RESOLVING.contains(kind(candidate)) != resolving)
					.toList();
				if (!others.isEmpty()) {
					event = weighted(others, DemoStory::weight);
				}
			}
		}
		return event;
	}

	private @Nullable Deque<?> open(String family) {
		return switch (family) {
			case "channel-points" -> this.openRedemptions;
			case "automod" -> this.heldMessages;
			case "own-messages" -> this.ownHeldMessages;
			default -> null;
		};
	}

	private Beat beat(String family, Map<String, String> event) {
		String kind = kind(event);
		return switch (family + "/" + kind) {
			case "whispers/whisper" -> new Whisper(person(event, this.scenario.cast().viewers()), text(event));
			case "cheers/cheer" -> cheer(event);
			case "badges/badge-unlock" ->
				new BadgeUnlock(person(event, this.scenario.cast().viewers()), number(event, "tier"), text(event));
			case "badges/resub-notice" ->
				new ChatNotice(person(event, this.scenario.cast().viewers()), number(event, "months"), uuid());
			case "channel-points/redeem" -> redeem(event);
			case "channel-points/fulfil", "channel-points/refund" ->
				new RedemptionResolved(this.openRedemptions.remove(), kind.equals("fulfil"));
			case "subscriptions/sub", "subscriptions/resub", "subscriptions/gift" -> subscription(kind, event);
			case "automod/hold" -> held(event);
			case "automod/approve", "automod/deny", "automod/expire" ->
				new AutomodResolved(this.heldMessages.remove(), kind, this.scenario.cast().moderator());
			case "own-messages/hold" -> {
				OwnMessage message = new OwnMessage(uuid(), text(event));
				this.ownHeldMessages.add(message);
				yield new OwnMessageHeld(message);
			}
			case "own-messages/approve", "own-messages/deny", "own-messages/invalid" ->
				new OwnMessageResolved(this.ownHeldMessages.remove(), kind);
			case "low-trust/message" -> new SuspiciousMessage(person(event, this.scenario.cast().troublemakers()),
					Boolean.parseBoolean(event.get("evader")), text(event), uuid());
			case "low-trust/treatment" -> new TreatmentUpdate(person(event, this.scenario.cast().troublemakers()),
					required(event, "treatment"), this.scenario.cast().moderator());
			default -> {
				if (family.equals("moderation")) {
					yield moderation(kind, event);
				}
				throw new IllegalArgumentException("The demo scenario's family " + family + " has no kind " + kind);
			}
		};
	}

	private Cheer cheer(Map<String, String> event) {
		boolean anonymous = Boolean.parseBoolean(event.get("anonymous"));
		int bits = number(event, "bits");
		Person from = anonymous ? null : person(event, this.scenario.cast().viewers());
		return new Cheer(from, bits, (anonymous ? "Anon" : "Cheer") + bits + " " + text(event), uuid());
	}

	private Redeemed redeem(Map<String, String> event) {
		String title = event.get("reward");
		List<Reward> rewards = this.scenario.rewards();
		Reward reward = (title != null)
				? rewards.stream()
					.filter((candidate) -> candidate.title().equals(title))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("The demo scenario has no reward " + title))
				: pick(rewards);
		String input = event.getOrDefault("input", reward.inputs().isEmpty() ? "" : pick(reward.inputs()));
		Redemption redemption = new Redemption(uuid(), person(event, this.scenario.cast().viewers()), reward, input,
				Instant.now());
		this.openRedemptions.add(redemption);
		return new Redeemed(redemption);
	}

	private Subscribed subscription(String kind, Map<String, String> event) {
		Person viewer = person(event, this.scenario.cast().viewers());
		Person gifter = null;
		if (kind.equals("gift")) {
			List<Person> others = this.scenario.cast()
				.viewers()
				.stream()
				.filter((candidate) -> !candidate.equals(viewer))
				.toList();
			gifter = pick(others);
		}
		return new Subscribed(kind, viewer, number(event, "tier"), kind.equals("resub") ? number(event, "months") : 1,
				event.getOrDefault("text", ""), gifter, uuid());
	}

	private ModeratorAction moderation(String action, Map<String, String> event) {
		Person target = null;
		if (ON_TROUBLEMAKERS.contains(action)) {
			target = person(event, this.scenario.cast().troublemakers());
		}
		else if (ON_VIEWERS.contains(action)) {
			target = person(event, this.scenario.cast().viewers());
		}
		return new ModeratorAction(action, this.scenario.cast().moderator(), target, event, uuid());
	}

	private AutomodHeld held(Map<String, String> event) {
		HeldMessage held = new HeldMessage(uuid(), person(event, this.scenario.cast().troublemakers()), text(event),
				Boolean.parseBoolean(event.get("blocked-term")), event.getOrDefault("category", "aggressive"),
				Integer.parseInt(event.getOrDefault("level", "1")), Instant.now());
		this.heldMessages.add(held);
		return new AutomodHeld(held);
	}

	/** The cast member the event names ({@code from}), else one of the given. */
	private Person person(Map<String, String> event, List<Person> choices) {
		String login = event.get("from");
		if (login == null) {
			return pick(choices);
		}
		DemoScenario.Cast cast = this.scenario.cast();
		return Stream
			.concat(Stream.of(cast.moderator()), Stream.concat(cast.viewers().stream(), cast.troublemakers().stream()))
			.filter((person) -> person.login().equals(login))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The demo scenario's cast has no " + login));
	}

	/** Ids from the story's random source, so that a run tells the same story. */
	private String uuid() {
		return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	private <T> T weighted(List<T> choices, ToIntFunction<T> weight) {
		int total = choices.stream().mapToInt(weight).sum();
		int point = this.random.nextInt(Math.max(1, total));
		for (T choice : choices) {
			point -= weight.applyAsInt(choice);
			if (point < 0) {
				return choice;
			}
		}
		return choices.get(choices.size() - 1);
	}

	private static int weight(Map<String, String> event) {
		return Integer.parseInt(event.getOrDefault("weight", "1"));
	}

	private static String kind(Map<String, String> event) {
		return required(event, "kind");
	}

	private static String text(Map<String, String> event) {
		return required(event, "text");
	}

	private static int number(Map<String, String> event, String field) {
		return Integer.parseInt(required(event, field));
	}

	private static String required(Map<String, String> event, String field) {
		String value = event.get(field);
		if (value == null) {
			throw new IllegalArgumentException("An event of the demo scenario lacks '" + field + "': " + event);
		}
		return value;
	}

	/** One thing that happens: an event of one topic family. */
	sealed interface Beat {

		/**
		 * The family whose topic the event is published on (a cheer: both Bits topics).
		 * @return the family
		 */
		TopicType family();

	}

	/**
	 * A viewer whispers to the bot.
	 *
	 * @param from the viewer
	 * @param text the whisper
	 */
	record Whisper(Person from, String text) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.WHISPERS;
		}

	}

	/**
	 * A viewer cheers.
	 *
	 * @param from the viewer, or {@code null} for an anonymous cheer
	 * @param bits the amount
	 * @param message the chat message, cheermote first
	 * @param id the message id
	 */
	record Cheer(@Nullable Person from, int bits, String message, String id) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.BITS_V2;
		}

	}

	/**
	 * A viewer unlocks a Bits badge tier.
	 *
	 * @param viewer the viewer
	 * @param tier the tier
	 * @param text what they wrote
	 */
	record BadgeUnlock(Person viewer, int tier, String text) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.BITS_BADGE_UNLOCKS;
		}

	}

	/**
	 * A chat notice of another kind (a resub) on the badge topic's EventSub subscription,
	 * which has no PubSub counterpart.
	 *
	 * @param viewer the viewer
	 * @param months their months
	 * @param id the message id
	 */
	record ChatNotice(Person viewer, int months, String id) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.BITS_BADGE_UNLOCKS;
		}

	}

	/**
	 * A redemption of a custom reward.
	 *
	 * @param id its id
	 * @param viewer who redeemed it
	 * @param reward the reward
	 * @param input what they wrote, or {@code ""}
	 * @param redeemedAt when
	 */
	record Redemption(String id, Person viewer, Reward reward, String input, Instant redeemedAt) {
	}

	/**
	 * A viewer redeems a reward.
	 *
	 * @param redemption the redemption, open until resolved
	 */
	record Redeemed(Redemption redemption) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.CHANNEL_POINTS;
		}

	}

	/**
	 * The streamer fulfils or refunds the oldest open redemption.
	 *
	 * @param redemption the redemption
	 * @param fulfilled whether fulfilled, else refunded (canceled)
	 */
	record RedemptionResolved(Redemption redemption, boolean fulfilled) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.CHANNEL_POINTS;
		}

	}

	/**
	 * A subscription.
	 *
	 * @param kind {@code sub}, {@code resub} or {@code gift}
	 * @param viewer the subscriber (of a gift: the recipient)
	 * @param tier 1000, 2000 or 3000
	 * @param months their cumulative months
	 * @param text their message, or {@code ""}
	 * @param gifter who gave it, for a gift
	 * @param id an id for the event
	 */
	record Subscribed(String kind, Person viewer, int tier, int months, String text, @Nullable Person gifter,
			String id) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.CHANNEL_SUBSCRIPTIONS;
		}

	}

	/**
	 * A moderator acts.
	 *
	 * @param action the action, as PubSub's {@code moderation_action} and EventSub's
	 * {@code action} name it
	 * @param moderator the moderator
	 * @param target the chatter it is about, or {@code null} for a channel-wide one
	 * @param details the scenario's fields ({@code reason}, {@code seconds}...)
	 * @param id an id for the event
	 */
	record ModeratorAction(String action, Person moderator, @Nullable Person target, Map<String, String> details,
			String id) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.CHAT_MODERATOR_ACTIONS;
		}

	}

	/**
	 * A chat message AutoMod holds: for its language (a category and level) or for a
	 * blocked term of the channel.
	 *
	 * @param id the message id
	 * @param author who wrote it
	 * @param text the text
	 * @param blockedTerm whether held for a blocked term
	 * @param category the AutoMod category
	 * @param level the AutoMod level
	 * @param heldAt when
	 */
	record HeldMessage(String id, Person author, String text, boolean blockedTerm, String category, int level,
			Instant heldAt) {
	}

	/**
	 * AutoMod holds a message.
	 *
	 * @param message the message, open until resolved
	 */
	record AutomodHeld(HeldMessage message) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.AUTOMOD_QUEUE;
		}

	}

	/**
	 * A moderator decides on the oldest held message, or it expires.
	 *
	 * @param message the message
	 * @param outcome {@code approve}, {@code deny} or {@code expire}
	 * @param moderator the moderator
	 */
	record AutomodResolved(HeldMessage message, String outcome, Person moderator) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.AUTOMOD_QUEUE;
		}

	}

	/**
	 * One of the bot's own chat messages.
	 *
	 * @param id its id
	 * @param text its text
	 */
	record OwnMessage(String id, String text) {
	}

	/**
	 * AutoMod holds one of the bot's messages.
	 *
	 * @param message the message
	 */
	record OwnMessageHeld(OwnMessage message) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.USER_MODERATION_NOTIFICATIONS;
		}

	}

	/**
	 * The bot's held message is approved, denied, or no longer valid.
	 *
	 * @param message the message
	 * @param outcome {@code approve}, {@code deny} or {@code invalid}
	 */
	record OwnMessageResolved(OwnMessage message, String outcome) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.USER_MODERATION_NOTIFICATIONS;
		}

	}

	/**
	 * A low-trust user writes in chat.
	 *
	 * @param user the user
	 * @param evader whether Twitch thinks them a ban evader
	 * @param text what they wrote
	 * @param messageId the message id
	 */
	record SuspiciousMessage(Person user, boolean evader, String text, String messageId) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.LOW_TRUST_USERS;
		}

	}

	/**
	 * A moderator changes how a low-trust user is treated.
	 *
	 * @param user the user
	 * @param treatment {@code restricted}, {@code active_monitoring} or {@code none}
	 * @param moderator the moderator
	 */
	record TreatmentUpdate(Person user, String treatment, Person moderator) implements Beat {

		@Override
		public TopicType family() {
			return TopicType.LOW_TRUST_USERS;
		}

	}

}
