package io.github.twitchjvm.jackson.model;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A record of a model package, for {@code TwitchJsonTest}.
 *
 * @param login never {@code null}
 * @param bits a count
 * @param at a point in time
 * @param color {@code null} when absent
 * @param badges never {@code null}
 */
public record Chatter(String login, int bits, Instant at, @Nullable String color, List<String> badges) {

}
