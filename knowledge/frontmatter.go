package knowledge

import (
	"bytes"
	"cmp"
	"errors"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// splitFrontMatter separates a record's YAML front matter from its Markdown body. The front
// matter starts on line 2 of the file.
func splitFrontMatter(data []byte) (fm, body []byte, ok bool) {
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, nil, false
	}
	rest := data[len("---\n"):]
	if bytes.HasPrefix(rest, []byte("---\n")) || bytes.Equal(rest, []byte("---")) {
		return nil, bytes.TrimPrefix(rest, []byte("---")), true
	}
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		if !bytes.HasSuffix(rest, []byte("\n---")) {
			return nil, nil, false
		}
		end = len(rest) - len("\n---")
		return rest[:end+1], nil, true
	}
	return rest[:end+1], rest[end+len("\n---\n"):], true
}

// decodeRecord decodes a Markdown record's front matter into dst, a pointer to a struct with
// yaml tags, reporting unknown keys and bad values at their own lines. It returns the body,
// the line of each key, and whether any problem was found.
func decodeRecord(file string, data []byte, dst any, ps *problems) (body string, lines []keyLine, broken bool) {
	fm, b, found := splitFrontMatter(data)
	if !found {
		ps.add(file, 1, "missing front matter: a record starts with a line \"---\", then YAML, then \"---\"")
		return "", nil, true
	}
	root, ok := simpleFrontMatter(fm)
	if !ok {
		if root, broken = parseFrontMatter(file, fm, ps); broken {
			return "", nil, true
		}
	}
	fields := yamlFields(dst)
	v := reflect.ValueOf(dst).Elem()
	lines = make([]keyLine, 0, len(root.Content)/2)
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		lines = append(lines, keyLine{key.Value, key.Line + 1})
		idx, known := fields[key.Value]
		if !known {
			ps.add(file, key.Line+1, "unknown front-matter key %q (known: %s)", key.Value, strings.Join(sortedKeys(fields), ", "))
			broken = true
			continue
		}
		if err := val.Decode(v.Field(idx).Addr().Interface()); err != nil {
			msg := err.Error()
			msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n")
			msg = strings.TrimSpace(yamlLine.ReplaceAllString(strings.TrimSpace(msg), ""))
			ps.add(file, val.Line+1, "%s: %s", key.Value, msg)
			broken = true
		}
	}
	return strings.TrimSpace(string(b)), lines, broken
}

// parseFrontMatter parses front matter with yaml.v3, reporting what is wrong with it.
func parseFrontMatter(file string, fm []byte, ps *problems) (root *yaml.Node, broken bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		line, msg := 1, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n+1, strings.TrimPrefix(msg[len(m[0]):], "yaml: ")
		}
		ps.add(file, line, "front matter is not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
		return nil, true
	}
	if len(doc.Content) == 0 {
		ps.add(file, 1, "front matter is empty")
		return nil, true
	}
	root = doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ps.add(file, root.Line+1, "front matter must be a mapping of keys to values")
		return nil, true
	}
	return root, false
}

// spanishHeading starts a record body's Spanish section.
const spanishHeading = "## Español"

// splitLanguages splits a record body into its English part and its Spanish section, which
// starts at a line "## Español".
func splitLanguages(body string) (en, es string) {
	if strings.HasPrefix(body, spanishHeading+"\n") || body == spanishHeading {
		return "", strings.TrimSpace(strings.TrimPrefix(body, spanishHeading))
	}
	i := strings.Index(body, "\n"+spanishHeading+"\n")
	if i < 0 {
		if strings.HasSuffix(body, "\n"+spanishHeading) {
			return strings.TrimSpace(strings.TrimSuffix(body, spanishHeading)), ""
		}
		return body, ""
	}
	return strings.TrimSpace(body[:i]), strings.TrimSpace(body[i+len(spanishHeading)+1:])
}

// fieldsByType caches yamlFields per record type: every record of a kind has the same.
var fieldsByType sync.Map // reflect.Type → map[string]int

// yamlFields maps the yaml keys of a struct to field indexes. The map is shared: callers
// must not change it.
func yamlFields(dst any) map[string]int {
	t := reflect.TypeOf(dst).Elem()
	if m, ok := fieldsByType.Load(t); ok {
		return m.(map[string]int)
	}
	out := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			out[tag] = i
		}
	}
	fieldsByType.Store(t, out)
	return out
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// Declaration order reads better than alphabetical order in an error message.
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(m[a], m[b]) })
	return keys
}

// UnmarshalYAML reads a date as YYYY-MM-DD or YYYY-MM.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return errors.New("want a date YYYY-MM-DD or YYYY-MM")
	}
	if n.Value == "" || n.Tag == "!!null" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
