package mcsimport

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// decode returns the text of a data-release file. USGS publishes the MCS 2026 CSV in
// Windows-1252 (the em dash of "—" and "Salient Statistics—United States" is byte 0x97); a
// file that is valid UTF-8 (with or without a byte-order mark) is taken as UTF-8, anything else
// as Windows-1252, so a re-saved copy reads the same as the original.
func decode(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c)) // 0xA0–0xFF are Latin-1
		}
	}
	return b.String()
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252; the five bytes it leaves undefined become
// U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}
