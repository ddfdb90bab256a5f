package io.github.twitchjvm.pubsub.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo channel's events as Twitch's EventSub sends them: each is the shipped sample
 * of its type (every field Twitch writes, {@code null}s included) with the demo's
 * viewers, amounts and texts written in. Redemptions, held messages and the bot's own
 * held messages are resolved later by the update events of their type, as on Twitch. Used
 * on the demo's publishing thread only.
 */
final class EventSubDemoEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<Person> VIEWERS = List.of(new Person("236754010", "glitterbean", "GlitterBean"),
			new Person("212985761", "pebble_pilot", "Pebble_Pilot"),
			new Person("160338712", "granite_gus", "Granite_Gus"), new Person("254876013", "maplewhisk", "MapleWhisk"),
			new Person("318244906", "driftwood_ivy", "Driftwood_Ivy"),
			new Person("129546453", "pixel_wren", "Pixel_Wren"), new Person("187230551", "tophatotter", "TopHatOtter"),
			new Person("140982375", "emberquill", "EmberQuill"));

	/** Users the moderators, AutoMod and the low-trust watch deal with. */
	private static final List<Person> TROUBLEMAKERS = List.of(new Person("812340567", "spambot_x9", "spambot_x9"),
			new Person("274019386", "loudmouth_lenny", "LoudMouth_Lenny"),
			new Person("527310846", "sneaky_sable", "Sneaky_Sable"),
			new Person("618402753", "shady_shale", "Shady_Shale"), new Person("704918362", "murky_milo", "Murky_Milo"));

	private static final Person MODERATOR = new Person("143928570", "hollowbrook_mod", "Hollowbrook_Mod");

	private static final List<Reward> REWARDS = List.of(
			new Reward("a47c1d93-5e2b-4f80-9d16-3b7e0c8a2f45", "Pick the next song", 2500,
					"Tell me which song to queue up next",
					List.of("Sandstorm", "Never Gonna Give You Up", "the lofi one again")),
			new Reward("0e7d5b3a-9c21-4f68-a4d0-b1e2c3f4a5d6", "Hydrate!", 300, "Make me drink a full glass of water",
					List.of()),
			new Reward("c5f18e27-3d90-4b6a-8f41-2e7d9a0b6c13", "Choose my crosshair", 1000,
					"Pick a crosshair color for the next match", List.of("neon green", "hot pink", "classic white")),
			new Reward("e81f4b6c-2a07-4d95-9c3e-5b1d0f7a8e26", "Do 10 push-ups", 500, "Right now, on stream",
					List.of()));

	/** Redemptions or held messages open at most. */
	private static final int MAX_OPEN = 6;

	private static final List<Integer> CHEERS = List.of(1, 50, 100, 100, 250, 500, 1000, 5000);

	private static final List<String> CHEER_TEXTS = List.of("lets go!", "for the boss fight", "hype hype hype",
			"good luck on the run", "thanks for the stream", "that clutch though");

	private static final List<Integer> BADGE_TIERS = List.of(1000, 5000, 10000, 25000);

	private static final List<String> CHAT_LINES = List.of("first time here, love the vibes", "is this the new patch?",
			"that was so close LUL", "what's the song?", "gg everyone");

	private static final List<String> HELD_TEXTS = List.of("you are all trash at this game",
			"buy followers at cheapfollows dot biz", "nobody asked, shut up", "sn0wcheats works 100%");

	private final Person broadcaster;

	private final Deque<OpenRedemption> openRedemptions = new ArrayDeque<>();

	private final Deque<HeldMessage> heldMessages = new ArrayDeque<>();

	private final Deque<OwnMessage> ownHeldMessages = new ArrayDeque<>();

	/**
	 * Events of one channel.
	 * @param broadcasterId the channel, who is also the bot
	 * @param broadcasterLogin the channel's login
	 */
	EventSubDemoEvents(String broadcasterId, String broadcasterLogin) {
		this.broadcaster = new Person(broadcasterId, broadcasterLogin, broadcasterLogin);
	}

	/**
	 * The notification that tells a beat of the story.
	 * @param beat what happens
	 * @param random the story's source of details
	 * @return the EventSub type and event
	 */
	Notification next(DemoStory.Beat beat, Random random) {
		String command = beat.command();
		if (command != null) {
			return new Notification("user.whisper.message", whisper(pick(VIEWERS, random), command));
		}
		return switch (beat.family()) {
			case WHISPERS ->
				new Notification("user.whisper.message", whisper(pick(VIEWERS, random), pick(CHAT_LINES, random)));
			case BITS_V1, BITS_V2 -> cheer(random);
			case BITS_BADGE_UNLOCKS -> chatNotification(random);
			case CHANNEL_POINTS ->
				resolves(this.openRedemptions, random) ? redemptionUpdate(random) : redemption(random);
			case CHANNEL_SUBSCRIPTIONS -> subscription(random);
			case CHAT_MODERATOR_ACTIONS -> moderation(random);
			case AUTOMOD_QUEUE -> resolves(this.heldMessages, random) ? automodUpdate(random) : automodHold(random);
			case USER_MODERATION_NOTIFICATIONS ->
				resolves(this.ownHeldMessages, random) ? ownMessageUpdate(random) : ownMessageHold(random);
			case LOW_TRUST_USERS -> random.nextBoolean() ? suspiciousMessage(random) : suspiciousUpdate(random);
		};
	}

	/**
	 * Whether the next event of a kind resolves an open one rather than opening another:
	 * one in three, and always when a few are open, so that queues stay as short as a
	 * streamer keeps them.
	 */
	private static boolean resolves(Deque<?> open, Random random) {
		return !open.isEmpty() && (open.size() >= MAX_OPEN || random.nextInt(3) == 0);
	}

	/**
	 * A whisper to the bot, in the shape of {@code user.whisper.message}.
	 * @param from the sender
	 * @param text the whisper's text
	 * @return the event JSON
	 */
	String whisper(Person from, String text) {
		ObjectNode event = sample("user.whisper.message");
		from.writeTo(event, "from_user_");
		this.broadcaster.writeTo(event, "to_user_");
		event.put("whisper_id", UUID.randomUUID().toString());
		event.putObject("whisper").put("text", text);
		return write(event);
	}

	private Notification cheer(Random random) {
		ObjectNode event = sample("channel.cheer");
		int bits = pick(CHEERS, random);
		boolean anonymous = random.nextInt(5) == 0;
		event.put("is_anonymous", anonymous);
		if (anonymous) {
			Person.writeNull(event, "user_");
		}
		else {
			pick(VIEWERS, random).writeTo(event, "user_");
		}
		this.broadcaster.writeTo(event, "broadcaster_user_");
		event.put("message", (anonymous ? "Anon" : "Cheer") + bits + " " + pick(CHEER_TEXTS, random));
		event.put("bits", bits);
		return new Notification("channel.cheer", write(event));
	}

	/**
	 * Chat notices of every kind arrive on the badge topic's subscription; only Bits
	 * badge tiers have a PubSub counterpart, so a resub now and then shows a notice the
	 * bridge skips.
	 */
	private Notification chatNotification(Random random) {
		ObjectNode event = sample("channel.chat.notification");
		Person chatter = pick(VIEWERS, random);
		this.broadcaster.writeTo(event, "broadcaster_user_");
		chatter.writeTo(event, "chatter_user_");
		event.put("message_id", uuid(random));
		if (random.nextInt(4) == 0) {
			int months = 2 + random.nextInt(30);
			event.put("system_message",
					chatter.name() + " subscribed at Tier 1. They've subscribed for " + months + " months!");
			((ObjectNode) event.get("resub")).put("cumulative_months", months);
		}
		else {
			int tier = pick(BADGE_TIERS, random);
			event.put("system_message", chatter.name() + " just earned a new " + (tier / 1000) + "K Bits badge!");
			event.put("notice_type", "bits_badge_tier");
			event.putNull("resub");
			event.putObject("bits_badge_tier").put("tier", tier);
			plainText(event.putObject("message"), "just unlocked the " + (tier / 1000) + "k badge, thanks chat!");
		}
		return new Notification("channel.chat.notification", write(event));
	}

	private Notification redemption(Random random) {
		Reward reward = pick(REWARDS, random);
		Person viewer = pick(VIEWERS, random);
		String input = reward.inputs().isEmpty() ? "" : pick(reward.inputs(), random);
		OpenRedemption redemption = new OpenRedemption(uuid(random), viewer, reward, input, Instant.now());
		this.openRedemptions.add(redemption);
		return new Notification("channel.channel_points_custom_reward_redemption.add", write(redemption
			.fill(sample("channel.channel_points_custom_reward_redemption.add"), this.broadcaster, "unfulfilled")));
	}

	/**
	 * The streamer fulfils (or now and then refunds) the oldest redemption in the queue.
	 */
	private Notification redemptionUpdate(Random random) {
		OpenRedemption redemption = this.openRedemptions.remove();
		return new Notification("channel.channel_points_custom_reward_redemption.update",
				write(redemption.fill(sample("channel.channel_points_custom_reward_redemption.update"),
						this.broadcaster, (random.nextInt(4) == 0) ? "canceled" : "fulfilled")));
	}

	private Notification subscription(Random random) {
		Person viewer = pick(VIEWERS, random);
		String tier = String.valueOf(1000 * (1 + random.nextInt(3)));
		if (random.nextInt(3) == 0) {
			ObjectNode event = sample("channel.subscription.message");
			viewer.writeTo(event, "user_");
			this.broadcaster.writeTo(event, "broadcaster_user_");
			int months = 2 + random.nextInt(40);
			event.put("tier", tier);
			ObjectNode message = event.putObject("message");
			message.put("text", months + " months already Kappa still here");
			int emote = String.valueOf(months).length() + " months already ".length();
			message.putArray("emotes").addObject().put("begin", emote).put("end", emote + 4).put("id", "25");
			event.put("cumulative_months", months);
			event.put("streak_months", 1 + random.nextInt(months));
			event.put("duration_months", random.nextBoolean() ? 1 : 3);
			return new Notification("channel.subscription.message", write(event));
		}
		// A gift names its recipient as the subscriber; the gifter is on
		// channel.subscription.gift.
		ObjectNode event = sample("channel.subscribe");
		viewer.writeTo(event, "user_");
		this.broadcaster.writeTo(event, "broadcaster_user_");
		event.put("tier", tier);
		event.put("is_gift", random.nextInt(3) == 0);
		return new Notification("channel.subscribe", write(event));
	}

	private Notification moderation(Random random) {
		ObjectNode event = sample("channel.moderate");
		this.broadcaster.writeTo(event, "broadcaster_user_");
		MODERATOR.writeTo(event, "moderator_user_");
		event.putNull("mod");
		Person target = pick(TROUBLEMAKERS, random);
		String action = pick(List.of("ban", "timeout", "timeout", "untimeout", "delete", "warn", "slow", "slowoff",
				"followers", "emoteonly", "emoteonlyoff", "uniquechat", "clear", "vip", "mod", "add_blocked_term",
				"approve_unban_request"), random);
		event.put("action", action);
		switch (action) {
			case "ban" -> target.writeTo(event.putObject("ban"), "user_").put("reason", "posting scam links");
			case "timeout" -> target.writeTo(event.putObject("timeout"), "user_")
				.put("reason", "caps spam")
				.put("expires_at", Instant.now().plusSeconds(600).toString());
			case "untimeout" -> target.writeTo(event.putObject("untimeout"), "user_");
			case "delete" -> target.writeTo(event.putObject("delete"), "user_")
				.put("message_id", uuid(random))
				.put("message_body", pick(HELD_TEXTS, random));
			case "warn" -> target.writeTo(event.putObject("warn"), "user_")
				.put("reason", "be nice in chat")
				.putArray("chat_rules_cited")
				.add("Be kind");
			case "slow" -> event.putObject("slow").put("wait_time_seconds", 30);
			case "followers" -> event.putObject("followers").put("follow_duration_minutes", 10);
			case "vip", "mod" -> pick(VIEWERS, random).writeTo(event.putObject(action), "user_");
			case "add_blocked_term" -> {
				ObjectNode terms = event.putObject("automod_terms");
				terms.put("action", "add").put("list", "blocked").put("from_automod", false);
				terms.putArray("terms").add("cheapfollows");
			}
			case "approve_unban_request" -> target.writeTo(event.putObject("unban_request"), "user_")
				.put("is_approved", true)
				.put("moderator_message", "second chance, please read the rules");
			default -> {
				// Chat modes without details: clear, slowoff, emoteonly(off), uniquechat.
			}
		}
		return new Notification("channel.moderate", write(event));
	}

	private Notification automodHold(Random random) {
		HeldMessage held = new HeldMessage(uuid(random), pick(TROUBLEMAKERS, random), pick(HELD_TEXTS, random),
				random.nextInt(3) == 0, 1 + random.nextInt(4), Instant.now());
		this.heldMessages.add(held);
		return new Notification("automod.message.hold",
				write(held.fill(sample("automod.message.hold"), this.broadcaster)));
	}

	/** The moderator decides on the oldest held message, or it expires. */
	private Notification automodUpdate(Random random) {
		HeldMessage held = this.heldMessages.remove();
		ObjectNode event = held.fill(sample("automod.message.update"), this.broadcaster);
		MODERATOR.writeTo(event, "moderator_user_");
		event.put("status", pick(List.of("approved", "denied", "denied", "expired"), random));
		return new Notification("automod.message.update", write(event));
	}

	/** AutoMod holds one of the bot's own chat messages. */
	private Notification ownMessageHold(Random random) {
		OwnMessage message = new OwnMessage(uuid(random),
				"honestly " + pick(VIEWERS, random).login() + ", that play was garbage");
		this.ownHeldMessages.add(message);
		return new Notification("channel.chat.user_message_hold",
				write(message.fill(sample("channel.chat.user_message_hold"), this.broadcaster)));
	}

	/** The bot's held message is approved, denied, or no longer valid. */
	private Notification ownMessageUpdate(Random random) {
		ObjectNode event = this.ownHeldMessages.remove()
			.fill(sample("channel.chat.user_message_update"), this.broadcaster);
		event.put("status", pick(List.of("approved", "denied", "invalid"), random));
		return new Notification("channel.chat.user_message_update", write(event));
	}

	private Notification suspiciousMessage(Random random) {
		ObjectNode event = sample("channel.suspicious_user.message");
		this.broadcaster.writeTo(event, "broadcaster_user_");
		pick(TROUBLEMAKERS, random).writeTo(event, "user_");
		boolean evader = random.nextBoolean();
		event.put("low_trust_status", evader ? "restricted" : "active_monitoring");
		event.putArray("types").add(evader ? "ban_evader" : "manually_added");
		event.put("ban_evasion_evaluation", evader ? "likely" : "unknown");
		if (!evader) {
			event.putArray("shared_ban_channel_ids");
		}
		ObjectNode message = event.putObject("message");
		message.put("message_id", uuid(random));
		plainText(message, pick(CHAT_LINES, random));
		return new Notification("channel.suspicious_user.message", write(event));
	}

	private Notification suspiciousUpdate(Random random) {
		ObjectNode event = sample("channel.suspicious_user.update");
		this.broadcaster.writeTo(event, "broadcaster_user_");
		MODERATOR.writeTo(event, "moderator_user_");
		pick(TROUBLEMAKERS, random).writeTo(event, "user_");
		event.put("low_trust_status", pick(List.of("active_monitoring", "restricted", "none"), random));
		return new Notification("channel.suspicious_user.update", write(event));
	}

	/** A chat message of plain text: its text and one text fragment. */
	private static void plainText(ObjectNode message, String text) {
		message.put("text", text);
		ObjectNode fragment = message.putArray("fragments").addObject();
		fragment.put("type", "text").put("text", text).putNull("cheermote");
		fragment.putNull("emote");
	}

	/** The shipped sample of a type, every field of which the caller may overwrite. */
	private static ObjectNode sample(String type) {
		return (ObjectNode) json.readTree(FakeEventSub.sampleEvent(type));
	}

	private static String write(ObjectNode event) {
		return json.writeValueAsString(event);
	}

	/** Ids from the story's random source, so that a run tells the same story. */
	private static String uuid(Random random) {
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	private static <T> T pick(List<T> choices, Random random) {
		return choices.get(random.nextInt(choices.size()));
	}

	/**
	 * An EventSub notification to publish.
	 *
	 * @param type the subscription type
	 * @param eventJson the {@code payload.event} object
	 */
	record Notification(String type, String eventJson) {
	}

	/**
	 * A Twitch user as EventSub writes one: id, login and display name under a prefix.
	 *
	 * @param id the user id
	 * @param login the login
	 * @param name the display name
	 */
	record Person(String id, String login, String name) {

		ObjectNode writeTo(ObjectNode event, String prefix) {
			return event.put(prefix + "id", this.id).put(prefix + "login", this.login).put(prefix + "name", this.name);
		}

		/** An anonymous user: the fields are there, {@code null}. */
		static void writeNull(ObjectNode event, String prefix) {
			event.putNull(prefix + "id");
			event.putNull(prefix + "login");
			event.putNull(prefix + "name");
		}

	}

	/** One of the bot's own chat messages, which AutoMod holds. */
	private record OwnMessage(String id, String text) {

		ObjectNode fill(ObjectNode event, Person broadcaster) {
			broadcaster.writeTo(event, "broadcaster_user_");
			broadcaster.writeTo(event, "user_");
			event.put("message_id", this.id);
			plainText(event.putObject("message"), this.text);
			return event;
		}

	}

	private record Reward(String id, String title, int cost, String prompt, List<String> inputs) {
	}

	private record OpenRedemption(String id, Person viewer, Reward reward, String input, Instant redeemedAt) {

		ObjectNode fill(ObjectNode event, Person broadcaster, String status) {
			event.put("id", this.id);
			broadcaster.writeTo(event, "broadcaster_user_");
			this.viewer.writeTo(event, "user_");
			event.put("user_input", this.input);
			event.put("status", status);
			ObjectNode reward = event.putObject("reward");
			reward.put("id", this.reward.id())
				.put("title", this.reward.title())
				.put("cost", this.reward.cost())
				.put("prompt", this.reward.prompt());
			event.put("redeemed_at", this.redeemedAt.toString());
			return event;
		}

	}

	/**
	 * A chat message AutoMod holds: for its language ({@code automod}, with a category
	 * and level) or for a blocked term of the channel.
	 */
	private record HeldMessage(String id, Person author, String text, boolean blockedTerm, int level, Instant heldAt) {

		ObjectNode fill(ObjectNode event, Person broadcaster) {
			broadcaster.writeTo(event, "broadcaster_user_");
			this.author.writeTo(event, "user_");
			event.put("message_id", this.id);
			plainText(event.putObject("message"), this.text);
			int end = Math.min(this.text.length(), 10) - 1;
			if (this.blockedTerm) {
				event.put("reason", "blocked_term");
				event.putNull("automod");
				ObjectNode term = event.putObject("blocked_term").putArray("terms_found").addObject();
				term.put("term_id", "7e3b0f92-c5a4-4d61-8b27-e0d9a6f1c835");
				term.putObject("boundary").put("start_pos", 0).put("end_pos", end);
				broadcaster.writeTo(term, "owner_broadcaster_user_");
			}
			else {
				event.put("reason", "automod");
				ObjectNode automod = event.putObject("automod");
				automod.put("category",
						(this.text.contains("trash") || this.text.contains("shut up")) ? "bullying" : "aggressive");
				automod.put("level", this.level);
				ArrayNode boundaries = automod.putArray("boundaries");
				boundaries.addObject().put("start_pos", 0).put("end_pos", end);
				event.putNull("blocked_term");
			}
			event.put("held_at", this.heldAt.toString());
			return event;
		}

	}

}
