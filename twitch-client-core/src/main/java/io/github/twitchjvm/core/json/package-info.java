/**
 * Reading JSON of a known shape fast: {@link io.github.twitchjvm.core.json.JsonScanner},
 * for the fast paths of hand-written decoders that leave every other shape to a general
 * parser.
 */
@NullMarked
package io.github.twitchjvm.core.json;

import org.jspecify.annotations.NullMarked;
