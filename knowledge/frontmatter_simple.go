package knowledge

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// simpleFrontMatter parses front matter written in the plain subset of YAML that records
// use, and returns the same mapping node yaml.v3 makes of it: keys at the start of a line,
// each with a one-line value (a plain or quoted scalar, or a flow sequence of them) or a block
// sequence of such values or of one-line mappings. yaml.v3 took 40 µs for a ten-line front
// matter — most of the time to load a 100,000-record knowledge base — and this takes a few.
//
// It reports false for anything else (comments, multi-line or escaped scalars, nested blocks,
// anchors, tags, tabs, empty values …), which is then parsed by yaml.v3: it never has to be
// complete, only exact where it says true. TestSimpleFrontMatterIsYAML checks the trees against
// yaml.v3's on every real record and on fuzzed text.
func simpleFrontMatter(fm []byte) (*yaml.Node, bool) {
	if !printableYAML(fm) {
		return nil, false
	}
	p := simpleParser{root: &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}}
	for line := range bytes.Lines(fm) {
		p.lines = append(p.lines, bytes.TrimSuffix(line, []byte("\n")))
	}
	for p.i < len(p.lines) {
		if !p.topLevel() {
			return nil, false
		}
	}
	if len(p.root.Content) == 0 {
		return nil, false
	}
	return p.root, true
}

type simpleParser struct {
	lines [][]byte
	i     int // the next line
	root  *yaml.Node
}

// topLevel parses a key at the start of line i and its value.
func (p *simpleParser) topLevel() bool {
	line, n := p.lines[p.i], p.i+1
	key, rest, ok := keyAt(line, 0, n)
	if !ok {
		return false
	}
	p.i++
	if len(bytes.TrimLeft(rest, " ")) > 0 {
		v, ok := inlineValue(line, len(line)-len(rest), n)
		if !ok {
			return false
		}
		p.root.Content = append(p.root.Content, key, v)
		return true
	}
	seq, ok := p.blockSequence()
	if !ok {
		return false
	}
	p.root.Content = append(p.root.Content, key, seq)
	return true
}

// blockSequence parses the items of a block sequence starting at line i, each "- value" or
// "- key: value" followed by more "key: value" lines of the same item, at indent 0 or 2.
func (p *simpleParser) blockSequence() (*yaml.Node, bool) {
	if p.i >= len(p.lines) {
		return nil, false
	}
	indent := 0
	if bytes.HasPrefix(p.lines[p.i], []byte("  - ")) {
		indent = 2
	} else if !bytes.HasPrefix(p.lines[p.i], []byte("- ")) {
		return nil, false // an empty value, or something nested
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.i + 1, Column: indent + 1}
	item := indent + 2 // where an item's text starts
	for p.i < len(p.lines) && hasIndent(p.lines[p.i], indent) && bytes.HasPrefix(p.lines[p.i][indent:], []byte("- ")) {
		line, n := p.lines[p.i], p.i+1
		p.i++
		key, rest, isMap := keyAt(line, item, n)
		if !isMap {
			v, ok := inlineValue(line, item, n)
			if !ok {
				return nil, false
			}
			seq.Content = append(seq.Content, v)
			continue
		}
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n, Column: item + 1}
		for {
			v, ok := inlineValue(line, len(line)-len(rest), n)
			if !ok {
				return nil, false
			}
			m.Content = append(m.Content, key, v)
			if p.i >= len(p.lines) || !hasIndent(p.lines[p.i], item) {
				break
			}
			line, n = p.lines[p.i], p.i+1
			p.i++
			if key, rest, ok = keyAt(line, item, n); !ok {
				return nil, false
			}
		}
		seq.Content = append(seq.Content, m)
	}
	// What follows must be the next top-level key (or the end): a line indented any other
	// way, or a sequence at the wrong indent, is left to yaml.v3.
	if p.i < len(p.lines) && (len(p.lines[p.i]) == 0 || p.lines[p.i][0] == ' ' || p.lines[p.i][0] == '-') {
		return nil, false
	}
	return seq, true
}

// hasIndent reports whether line starts with exactly n spaces.
func hasIndent(line []byte, n int) bool {
	return len(line) > n && line[n] != ' ' && len(bytes.TrimLeft(line[:n], " ")) == 0
}

// keyAt reads "key:" at byte offset at of line n: a plain key of letters, digits and
// underscores, followed by the end of the line or a space. It returns the key's node and the
// rest of the line after the colon.
func keyAt(line []byte, at, n int) (*yaml.Node, []byte, bool) {
	if at > len(line) || (at > 0 && len(bytes.TrimLeft(line[:at], " -")) > 0) {
		return nil, nil, false
	}
	s := line[at:]
	end := 0
	for end < len(s) && (s[end] == '_' || s[end] >= 'a' && s[end] <= 'z' || s[end] >= 'A' && s[end] <= 'Z' || end > 0 && s[end] >= '0' && s[end] <= '9') {
		end++
	}
	if end == 0 || end >= len(s) || s[end] != ':' || (end+1 < len(s) && s[end+1] != ' ') {
		return nil, nil, false
	}
	k := plainNode(string(s[:end]), n, at+1)
	return k, s[end+1:], true
}

// inlineValue reads the value that starts at or after byte offset at of line n and runs to
// its end: a plain or quoted scalar, or a flow sequence of them.
func inlineValue(line []byte, at, n int) (*yaml.Node, bool) {
	for at < len(line) && line[at] == ' ' {
		at++
	}
	s := bytes.TrimRight(line[at:], " ")
	col := utf8.RuneCount(line[:at]) + 1
	if len(s) == 0 {
		return nil, false
	}
	if s[0] != '[' {
		return scalarNode(s, n, col, false)
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: n, Column: col}
	i := 1
	skip := func() {
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	skip()
	if i < len(s) && s[i] == ']' {
		return seq, i == len(s)-1
	}
	for {
		skip()
		start := i
		if i < len(s) && (s[i] == '"' || s[i] == '\'') {
			j := bytes.IndexByte(s[i+1:], s[i])
			if j < 0 {
				return nil, false
			}
			i += j + 2
		} else {
			for i < len(s) && s[i] != ',' && s[i] != ']' {
				i++
			}
		}
		item, ok := scalarNode(bytes.TrimRight(s[start:i], " "), n, col+utf8.RuneCount(s[:start]), true)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, item)
		skip()
		if i >= len(s) {
			return nil, false
		}
		if s[i] == ']' {
			return seq, i == len(s)-1
		}
		if s[i] != ',' {
			return nil, false
		}
		i++
	}
}

// scalarNode makes a one-line scalar's node: quoted without escapes, or plain without
// anything that could make it more than text (indicators, ": ", " #", and in a flow
// sequence brackets, braces, commas and colons).
func scalarNode(s []byte, n, col int, inFlow bool) (*yaml.Node, bool) {
	if len(s) == 0 {
		return nil, false
	}
	if q := s[0]; q == '"' || q == '\'' {
		if len(s) < 2 || s[len(s)-1] != q {
			return nil, false
		}
		inner := s[1 : len(s)-1]
		if bytes.IndexByte(inner, q) >= 0 || bytes.IndexByte(inner, '\\') >= 0 {
			return nil, false
		}
		style := yaml.DoubleQuotedStyle
		if q == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: string(inner), Line: n, Column: col}, true
	}
	if bytes.IndexByte([]byte("-?:,[]{}#&*!|>'\"%@`"), s[0]) >= 0 ||
		bytes.Contains(s, []byte(": ")) || bytes.Contains(s, []byte(" #")) || s[len(s)-1] == ':' ||
		(inFlow && bytes.ContainsAny(s, "[]{},:")) {
		return nil, false
	}
	v := string(s)
	if v == "<<" {
		return nil, false
	}
	return plainNode(v, n, col), true
}

// plainNode is a plain scalar's node, its tag resolved as yaml.v3 resolves it. yaml.v3 reads
// a plain scalar as a string outright unless its first character could start a number, a
// date, a boolean, a null or a merge key; only those are given to its resolver (slow on
// dates, and most values are text).
func plainNode(v string, line, col int) *yaml.Node {
	nd := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Line: line, Column: col}
	if v == "" || strings.IndexByte("+-0123456789yYnNtTfFoO~<.", v[0]) >= 0 {
		nd.Tag = ""
		nd.Tag = nd.ShortTag()
	}
	return nd
}

// printableYAML reports whether text is valid UTF-8 made only of the characters YAML allows
// unescaped, without tabs, carriage returns or the line breaks YAML knows beyond "\n".
func printableYAML(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c != '\n' && (c < 0x20 || c > 0x7e) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError || r < 0xa0 || r > 0xfffd || r == 0xfeff || r == 0x2028 || r == 0x2029 || (r >= 0xd800 && r < 0xe000) {
			return false
		}
		i += size
	}
	return true
}
