package io.github.twitchjvm.pubsub.sample;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A scenario file the demo cannot tell stops it with every problem named. */
class DemoScenarioTests {

	@Test
	void theShippedScenarioIsValid() {
		DemoScenario scenario = DemoScenario.load(new ClassPathResource("demo-scenario.yml"));
		assertThat(scenario.families()).containsKeys(DemoStory.FAMILIES.toArray(String[]::new));
	}

	@Test
	void namesEveryProblemOfAScenarioThatCannotBeTold() {
		String yaml = """
				scenario:
				  seed: 1
				  events-per-second: 0
				  faults: { reconnect-every: 0s, drop-every: 45s }
				  cast:
				    moderator: { id: "1", login: mod, name: Mod }
				    viewers: []
				    troublemakers: [ { id: "2", login: spam, name: spam } ]
				  rewards: []
				  families:
				    whispers: { weight: 0, events: [ { kind: whisper } ] }
				    cheers: { weight: 0, order: shuffled, events: [ { kind: cheer, weight: "0" } ] }
				""";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DemoScenario.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "broken-scenario.yml";
				}
			}))
			.withMessageContaining("'events-per-second' must be at least 1")
			.withMessageContaining("'faults.reconnect-every' and 'faults.drop-every' must be positive")
			.withMessageContaining("'cast' needs a moderator, viewers and troublemakers")
			.withMessageContaining("'rewards' needs at least one reward")
			.withMessageContaining("'families.badges' is missing")
			.withMessageContaining("'families.cheers': 'order' must be 'weighted' or 'sequence'")
			.withMessageContaining("'families.cheers': the events' weights add up to nothing")
			.withMessageContaining("the families' weights add up to nothing");
	}

}
