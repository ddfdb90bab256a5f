package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

/**
 * A custom channel points reward as it was when it was redeemed.
 *
 * @param id the reward id
 * @param title the reward's name
 * @param cost the cost in channel points
 * @param prompt the reward's description
 */
public record CustomReward(String id, String title, int cost, String prompt) {

	public CustomReward {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(prompt, "prompt");
	}

}
