package io.github.twitchjvm.core.json;

/**
 * A strict, allocation-lean reader of one JSON document of a known shape, for the fast
 * paths of hand-written decoders: the message shapes a server sends millions of times,
 * read with direct constructor calls instead of a general parser.
 *
 * <p>
 * The caller says what it expects next ({@link #beginObject()}, {@link #string()}, ...);
 * anything else, and anything that is not valid JSON, throws {@link #GIVE_UP}. A fast
 * path catches it and leaves the document to its general parser, which then decodes it
 * with its own leniency rules or reports the error. So a fast path built on this class
 * accepts a subset of what the general parser accepts: it gives up on keys with escapes,
 * strings or names over the general parser's default limits, and nesting deeper than
 * {@value #MAX_DEPTH} in skipped values. Not thread-safe; one instance reads one
 * document.
 *
 * <pre>{@code
 * JsonScanner json = new JsonScanner(text);
 * json.beginObject();
 * while (json.nextName()) {
 *     if (json.nameIs("topic")) { topic = json.string(); }
 *     else { json.skipValue(); }
 * }
 * json.end();
 * }</pre>
 */
public final class JsonScanner {

	/**
	 * Thrown when the document is not of the expected shape; without a stack trace, as a
	 * fast path gives up as part of normal operation.
	 */
	public static final RuntimeException GIVE_UP = new GiveUp();

	/** How deep {@link #skipValue()} follows nested values before it gives up. */
	public static final int MAX_DEPTH = 64;

	// The defaults of the general parser (Jackson's StreamReadConstraints).
	private static final int MAX_STRING_LENGTH = 20_000_000;

	private static final int MAX_NAME_LENGTH = 50_000;

	private static final int MAX_NUMBER_LENGTH = 1000;

	/**
	 * The longest string unescaped in a thread's reused buffer; a longer one (rare) gets
	 * a buffer of its own, so that no thread keeps more than 128 KB.
	 */
	private static final int SCRATCH_LIMIT = 64 * 1024;

	/**
	 * How much of the text an escaped string copies at first, beyond its first escape.
	 */
	private static final int COPY_CHUNK = 2048;

	private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[1024]);

	private final String text;

	private final int end;

	private int position;

	private int nameStart;

	private int nameEnd;

	/** Whether the next member or element is the first of its object or array. */
	private boolean first;

	/**
	 * Creates a scanner at the start of a document.
	 * @param text the document
	 */
	public JsonScanner(String text) {
		this.text = text;
		this.end = text.length();
	}

	/** Reads an object's opening brace; then {@link #nextName()} walks its members. */
	public void beginObject() {
		expect('{');
		this.first = true;
	}

	/**
	 * Moves to the next member of the current object.
	 * @return {@code true} with the member's name read (its value is next), or
	 * {@code false} at the object's end, which is consumed
	 */
	public boolean nextName() {
		char c = next();
		if (c == '}') {
			this.position++;
			this.first = false;
			return false;
		}
		if (!this.first) {
			expect(',');
			c = next();
		}
		this.first = false;
		if (c != '"') {
			throw GIVE_UP;
		}
		int start = this.position + 1;
		for (int i = start; i < this.end; i++) {
			char k = this.text.charAt(i);
			if (k == '"') {
				check(i - start <= MAX_NAME_LENGTH);
				this.nameStart = start;
				this.nameEnd = i;
				this.position = i + 1;
				expect(':');
				return true;
			}
			// Escaped or invalid names are left to the general parser.
			check(k != '\\' && k >= 0x20);
		}
		throw GIVE_UP;
	}

	/**
	 * Whether the member just read by {@link #nextName()} has this name.
	 * @param name the name, without escapes
	 * @return whether it matches
	 */
	public boolean nameIs(String name) {
		return this.nameEnd - this.nameStart == name.length()
				&& this.text.regionMatches(this.nameStart, name, 0, name.length());
	}

	/**
	 * Reads an array's opening bracket; then {@link #nextElement()} walks its elements.
	 */
	public void beginArray() {
		expect('[');
		this.first = true;
	}

	/**
	 * Moves to the next element of the current array.
	 * @return {@code true} if an element is next, {@code false} at the array's end, which
	 * is consumed
	 */
	public boolean nextElement() {
		char c = next();
		if (c == ']') {
			this.position++;
			this.first = false;
			return false;
		}
		if (!this.first) {
			expect(',');
		}
		this.first = false;
		return true;
	}

	/**
	 * The next value's first character, without consuming it: {@code "} for a string,
	 * {@code n} for null, and so on.
	 * @return the character
	 */
	public char peek() {
		return next();
	}

	/**
	 * The name of the member {@link #nextName()} just read.
	 * @return the name
	 */
	public String name() {
		return this.text.substring(this.nameStart, this.nameEnd);
	}

	/**
	 * Reads any value, checked, and returns it exactly as it stands in the text: for a
	 * part that is decoded later, elsewhere.
	 * @return the value's text
	 */
	public String rawValue() {
		next();
		int start = this.position;
		skipValue();
		return this.text.substring(start, this.position);
	}

	/**
	 * Reads {@code null} if it is next.
	 * @return whether it was
	 */
	public boolean nullValue() {
		if (next() != 'n') {
			return false;
		}
		literal("null");
		return true;
	}

	/**
	 * Reads a string, unescaped.
	 * @return the string
	 */
	public String string() {
		if (next() != '"') {
			throw GIVE_UP;
		}
		int start = this.position + 1;
		for (int i = start; i < this.end; i++) {
			char c = this.text.charAt(i);
			if (c == '"') {
				check(i - start <= MAX_STRING_LENGTH);
				this.position = i + 1;
				return this.text.substring(start, i);
			}
			if (c == '\\') {
				return escapedString(start, i);
			}
			check(c >= 0x20);
		}
		throw GIVE_UP;
	}

	/** Reads a string without keeping it (its escapes are checked). */
	public void skipString() {
		if (next() != '"') {
			throw GIVE_UP;
		}
		int i = this.position + 1;
		int start = i;
		while (i < this.end) {
			char c = this.text.charAt(i);
			if (c == '"') {
				check(i - start <= MAX_STRING_LENGTH);
				this.position = i + 1;
				return;
			}
			if (c == '\\') {
				check(i + 1 < this.end);
				char escaped = this.text.charAt(i + 1);
				if (escaped == 'u') {
					hex(i + 2);
					i += 6;
				}
				else {
					unescape(escaped);
					i += 2;
				}
				continue;
			}
			check(c >= 0x20);
			i++;
		}
		throw GIVE_UP;
	}

	/**
	 * Reads an integer, as its digits: for ids that a server writes as JSON numbers.
	 * @return the number's text, such as {@code "-12"}
	 */
	public String integerText() {
		int stop = integerEnd();
		String digits = this.text.substring(this.position, stop);
		this.position = stop;
		return digits;
	}

	/**
	 * Reads an integer that fits a {@code long}.
	 * @return the value
	 */
	public long longValue() {
		int stop = integerEnd();
		int i = this.position;
		boolean negative = this.text.charAt(i) == '-';
		if (negative) {
			i++;
		}
		// At most 18 digits cannot overflow; longer ones are rare enough to give up on.
		check(stop - i <= 18);
		long value = 0;
		for (; i < stop; i++) {
			value = value * 10 + (this.text.charAt(i) - '0');
		}
		this.position = stop;
		return negative ? -value : value;
	}

	/**
	 * Reads an integer that fits an {@code int}.
	 * @return the value
	 */
	public int intValue() {
		long value = longValue();
		check(value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE);
		return (int) value;
	}

	/**
	 * Reads {@code true} or {@code false}.
	 * @return the value
	 */
	public boolean bool() {
		char c = next();
		if (c == 't') {
			literal("true");
			return true;
		}
		if (c == 'f') {
			literal("false");
			return false;
		}
		throw GIVE_UP;
	}

	/** Reads and checks any value: an unknown member's. */
	public void skipValue() {
		skipValue(0);
	}

	/** Checks that nothing but whitespace follows the document. */
	public void end() {
		skipWhitespace();
		check(this.position == this.end);
	}

	private void skipValue(int depth) {
		check(depth < MAX_DEPTH);
		char c = next();
		switch (c) {
			case '"' -> skipString();
			case '{' -> {
				beginObject();
				while (nextName()) {
					skipValue(depth + 1);
				}
			}
			case '[' -> {
				beginArray();
				while (nextElement()) {
					skipValue(depth + 1);
				}
			}
			case 't', 'f' -> bool();
			case 'n' -> literal("null");
			default -> skipNumber();
		}
		// A nested value resets the flag of its container: the next member is not its
		// first.
		this.first = false;
	}

	private void skipNumber() {
		int i = this.position;
		if (i < this.end && this.text.charAt(i) == '-') {
			i++;
		}
		i = digits(i, true);
		if (i < this.end && this.text.charAt(i) == '.') {
			i = digits(i + 1, false);
		}
		if (i < this.end && (this.text.charAt(i) == 'e' || this.text.charAt(i) == 'E')) {
			i++;
			if (i < this.end && (this.text.charAt(i) == '+' || this.text.charAt(i) == '-')) {
				i++;
			}
			i = digits(i, false);
		}
		check(i - this.position <= MAX_NUMBER_LENGTH);
		this.position = i;
		checkValueEnd();
	}

	/**
	 * The end of the integer at the current position, checked to be valid JSON (no
	 * leading zeros) and not a fraction.
	 */
	private int integerEnd() {
		next();
		int i = this.position;
		if (i < this.end && this.text.charAt(i) == '-') {
			i++;
		}
		int stop = digits(i, true);
		check(stop - this.position <= MAX_NUMBER_LENGTH);
		int saved = this.position;
		this.position = stop;
		checkValueEnd();
		this.position = saved;
		return stop;
	}

	/** Reads one or more digits from {@code i}; returns the index after them. */
	private int digits(int i, boolean integerPart) {
		int start = i;
		while (i < this.end) {
			char c = this.text.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			i++;
		}
		check(i > start);
		// JSON has no leading zeros: "01" is invalid.
		check(!integerPart || this.text.charAt(start) != '0' || i - start == 1);
		return i;
	}

	/**
	 * A number or literal must be followed by a delimiter, or "12x" and "truex" would
	 * read as values.
	 */
	private void checkValueEnd() {
		if (this.position < this.end) {
			char c = this.text.charAt(this.position);
			check(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t');
		}
	}

	private void literal(String literal) {
		check(this.text.startsWith(literal, this.position));
		this.position += literal.length();
		checkValueEnd();
	}

	/**
	 * Unescapes in place in a copy of the text, which is faster than reading the string's
	 * characters one at a time. The text is copied in chunks, so that a short string with
	 * an escape early in a long document copies little.
	 */
	private String escapedString(int start, int firstEscape) {
		String text = this.text;
		int available = this.end - start;
		int copied = Math.min(available, firstEscape - start + COPY_CHUNK);
		char[] chars = buffer(copied);
		text.getChars(start, start + copied, chars, 0);
		int length = firstEscape - start;
		int i = length;
		while (true) {
			// Below safe, a character and the one after it (an escape's) were copied.
			int safe = copied - 1;
			while (i < safe) {
				char c = chars[i];
				if (c == '"') {
					return escapedStringEnd(chars, length, start + i);
				}
				if (c == '\\') {
					char escaped = chars[i + 1];
					if (escaped == 'u') {
						// Read from the text: the four digits may lie beyond what was
						// copied.
						chars[length++] = (char) hex(start + i + 2);
						i += 6;
					}
					else {
						chars[length++] = unescape(escaped);
						i += 2;
					}
					continue;
				}
				check(c >= 0x20);
				chars[length++] = c;
				i++;
			}
			if (copied == available) {
				// Only the last character can be left: the closing quote, or no string.
				check(i == safe && chars[i] == '"');
				return escapedStringEnd(chars, length, start + i);
			}
			// Copy the next chunk, after the unescaped part (never longer than what was
			// read).
			int more = Math.min(available, Math.max(i + 2, 2 * copied));
			chars = ensureCapacity(chars, more, length);
			text.getChars(start + i, start + more, chars, i);
			copied = more;
		}
	}

	private String escapedStringEnd(char[] chars, int length, int quote) {
		check(length <= MAX_STRING_LENGTH);
		this.position = quote + 1;
		return new String(chars, 0, length);
	}

	private static char[] ensureCapacity(char[] chars, int capacity, int keep) {
		if (chars.length >= capacity) {
			return chars;
		}
		char[] bigger = buffer(capacity);
		System.arraycopy(chars, 0, bigger, 0, keep);
		return bigger;
	}

	private static char[] buffer(int length) {
		if (length > SCRATCH_LIMIT) {
			return new char[length];
		}
		char[] scratch = SCRATCH.get();
		if (scratch.length < length) {
			scratch = new char[Math.max(length, Math.min(2 * scratch.length, SCRATCH_LIMIT))];
			SCRATCH.set(scratch);
		}
		return scratch;
	}

	private static char unescape(char escaped) {
		return switch (escaped) {
			case '"' -> '"';
			case '\\' -> '\\';
			case '/' -> '/';
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			default -> throw GIVE_UP;
		};
	}

	/** The four hex digits at {@code from} as a char code. */
	private int hex(int from) {
		check(from + 4 <= this.end);
		int code = 0;
		for (int i = from; i < from + 4; i++) {
			char c = this.text.charAt(i);
			int digit;
			if (c >= '0' && c <= '9') {
				digit = c - '0';
			}
			else if (c >= 'a' && c <= 'f') {
				digit = c - 'a' + 10;
			}
			else if (c >= 'A' && c <= 'F') {
				digit = c - 'A' + 10;
			}
			else {
				throw GIVE_UP;
			}
			code = (code << 4) | digit;
		}
		return code;
	}

	/** Skips whitespace; returns the next character (not consumed). */
	private char next() {
		skipWhitespace();
		check(this.position < this.end);
		return this.text.charAt(this.position);
	}

	private void expect(char expected) {
		check(next() == expected);
		this.position++;
	}

	private void skipWhitespace() {
		while (this.position < this.end) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.position++;
		}
	}

	private static void check(boolean condition) {
		if (!condition) {
			throw GIVE_UP;
		}
	}

	private static final class GiveUp extends RuntimeException {

		private static final long serialVersionUID = 1L;

		GiveUp() {
			super("not of the expected shape", null, false, false);
		}

	}

}
