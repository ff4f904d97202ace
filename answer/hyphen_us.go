package answer

import "strings"

// hyphenUS writes a lower-case "us" joined by a hyphen to the next word as "US": "us-china
// relations", "us-mexico trade" name the United States, since the pronoun is never
// hyphenated. It allocates only when there is one.
func hyphenUS(text string) string {
	for i := 0; ; {
		j := strings.Index(text[i:], "us-")
		if j < 0 {
			return text
		}
		j += i
		i = j + 3
		if j > 0 && isWordByte(text[j-1]) || i >= len(text) || !isWordByte(text[i]) {
			continue
		}
		text = text[:j] + "US" + text[j+2:]
	}
}

// isWordByte reports whether a byte is a letter or digit of ASCII, or part of a multi-byte
// character (a letter with an accent).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
