package io.github.twitchjvm.pubsub.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * The demo channel's story as written in a scenario file ({@code demo-scenario.yml}): the
 * cast, the rewards, each family's events with their weights and fields, and how often
 * the server plays its faults. Bound with Spring Boot's {@link Binder}, so durations read
 * as in {@code application.yml} and a mistake names the property.
 *
 * @param seed the seed of the story's random choices: a run tells the same story
 * @param eventsPerSecond how many beats a second
 * @param faults the faults' cadence
 * @param maxOpen how many redemptions or held messages stay open at most
 * @param cast the people of the story
 * @param rewards the channel's custom rewards
 * @param families each family's events, by the family's name in the file
 */
record DemoScenario(long seed, int eventsPerSecond, Faults faults, @DefaultValue("6") int maxOpen, Cast cast,
		List<Reward> rewards, Map<String, Family> families) {

	/**
	 * Reads a scenario file.
	 * @param resource the YAML file, its properties under {@code scenario}
	 * @return the scenario
	 * @throws IllegalArgumentException if the file has no scenario, or one the demo
	 * cannot tell (each problem named)
	 */
	static DemoScenario load(Resource resource) {
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(String.valueOf(resource.getFilename()), resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the demo scenario " + resource, ex);
		}
		DemoScenario scenario = new Binder(ConfigurationPropertySources.from(sources))
			.bind("scenario", Bindable.of(DemoScenario.class))
			.orElseThrow(() -> new IllegalArgumentException("No 'scenario' in " + resource));
		List<String> problems = scenario.problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(
					"The demo scenario " + resource + " cannot be told: " + String.join("; ", problems));
		}
		return scenario;
	}

	/**
	 * What would stop the story: every value the demo divides by, picks from or waits on.
	 * The binder leaves a section the file lacks {@code null}.
	 */
	@SuppressWarnings("ConstantValue")
	private List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.eventsPerSecond < 1) {
			problems.add("'events-per-second' must be at least 1");
		}
		if (this.maxOpen < 1) {
			problems.add("'max-open' must be at least 1");
		}
		if (this.faults == null || !isPositive(this.faults.reconnectEvery()) || !isPositive(this.faults.dropEvery())) {
			problems.add("'faults.reconnect-every' and 'faults.drop-every' must be positive durations");
		}
		if (this.cast == null || this.cast.moderator() == null || isEmpty(this.cast.viewers())
				|| isEmpty(this.cast.troublemakers())) {
			problems.add("'cast' needs a moderator, viewers and troublemakers");
		}
		if (isEmpty(this.rewards)) {
			problems.add("'rewards' needs at least one reward");
		}
		if (this.families == null) {
			problems.add("'families' is missing");
			return problems;
		}
		int total = 0;
		for (String name : DemoStory.FAMILIES) {
			Family family = this.families.get(name);
			if (family == null) {
				problems.add("'families." + name + "' is missing");
				continue;
			}
			total += Math.max(0, family.weight());
			family.problems().forEach((problem) -> problems.add("'families." + name + "': " + problem));
		}
		if (total <= 0) {
			problems.add("the families' weights add up to nothing: give one a positive weight");
		}
		return problems;
	}

	private static boolean isPositive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static boolean isEmpty(@Nullable List<?> list) {
		return list == null || list.isEmpty();
	}

	/**
	 * A family of the scenario.
	 * @param name its name in the file, such as {@code cheers}
	 * @return the family
	 * @throws IllegalArgumentException if the scenario has no such family
	 */
	Family family(String name) {
		Family family = this.families.get(name);
		if (family == null) {
			throw new IllegalArgumentException("The demo scenario has no family '" + name + "'");
		}
		return family;
	}

	/**
	 * The server's faults.
	 *
	 * @param reconnectEvery how often the server asks every connection to move (PubSub's
	 * RECONNECT, EventSub's {@code session_reconnect})
	 * @param dropEvery how often it drops every connection without a close frame
	 */
	record Faults(Duration reconnectEvery, Duration dropEvery) {
	}

	/**
	 * The people of the story.
	 *
	 * @param moderator the channel's moderator
	 * @param viewers who whispers, cheers, redeems and subscribes
	 * @param troublemakers whom the moderators, AutoMod and the low-trust watch deal with
	 */
	record Cast(Person moderator, List<Person> viewers, List<Person> troublemakers) {
	}

	/**
	 * A Twitch user.
	 *
	 * @param id the user id
	 * @param login the login
	 * @param name the display name
	 */
	record Person(String id, String login, String name) {
	}

	/**
	 * A custom channel-points reward.
	 *
	 * @param id its id
	 * @param title its title
	 * @param cost its cost in points
	 * @param prompt what it asks
	 * @param inputs what viewers write when they redeem it, or none
	 */
	record Reward(String id, String title, int cost, String prompt, @DefaultValue List<String> inputs) {
	}

	/**
	 * A family's events.
	 *
	 * @param weight how often the family comes, against the others' weights
	 * @param order {@code weighted} (at random, by the events' weights) or
	 * {@code sequence} (each in turn)
	 * @param events each with its {@code kind}, {@code weight} (1 if left out) and fields
	 */
	record Family(int weight, @DefaultValue("weighted") String order, List<Map<String, String>> events) {

		List<String> problems() {
			List<String> problems = new ArrayList<>();
			if (this.weight < 0) {
				problems.add("'weight' must not be negative");
			}
			if (!"weighted".equals(this.order) && !"sequence".equals(this.order)) {
				problems.add("'order' must be 'weighted' or 'sequence'");
			}
			if (isEmpty(this.events)) {
				problems.add("'events' needs at least one event");
				return problems;
			}
			int total = 0;
			for (int i = 0; i < this.events.size(); i++) {
				Map<String, String> event = this.events.get(i);
				if (!event.containsKey("kind")) {
					problems.add("events[" + i + "] has no 'kind'");
				}
				try {
					int weight = Integer.parseInt(event.getOrDefault("weight", "1"));
					if (weight < 0) {
						problems.add("events[" + i + "].weight must not be negative");
					}
					total += Math.max(0, weight);
				}
				catch (NumberFormatException ex) {
					problems.add("events[" + i + "].weight must be a whole number");
				}
			}
			if (total <= 0) {
				problems.add("the events' weights add up to nothing");
			}
			return problems;
		}

	}

}
