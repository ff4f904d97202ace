package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper V: questions about the USGS publication itself: "what is the MCS?", "when is the
// next MCS published?", "¿qué año cubre el MCS 2026?", "when was MCS 2026 released?". The
// answer is read from the knowledge base: the editions it holds, the month each came out
// (as the records' sources give it: "USGS Mineral Commodity Summaries 2026 (February
// 2026)"), and the years each edition's tables give. It holds no date for an edition to
// come, and says so rather than guess one.

// mcsTerm marks an about query that asks about the publication (Query.Term).
const mcsTerm = "mcs"

// mcsNextWords ask about the edition to come.
var mcsNextWords = set("next", "upcoming", "proximo", "proxima", "siguiente", "nueva", "nuevo")

// mcsPublishWords ask when an edition comes out.
var mcsPublishWords = set("published", "publish", "publishes", "publication", "released", "release", "releases", "out",
	"publica", "publican", "publico", "publicara", "publicacion", "sale", "salio", "saldra", "lanza", "aparece")

// mcsAsked reads a question about the publication itself, naming it ("MCS", "Mineral
// Commodity Summaries") or its edition together with the next one or its publication ("when
// is the next USGS edition out?"), and nothing else the knowledge base names.
func (p *lexicon) mcsAsked(q Query, norm []string) (Query, bool) {
	if len(q.Lists) > 0 || q.Measure != MeasureOverview && q.Measure != MeasureAbout {
		return q, false // "what changed in the latest MCS?" asks the figures
	}
	joined := " " + strings.Join(norm, " ") + " "
	named := slices.Contains(norm, "mcs") || strings.Contains(joined, " commodity summaries ") || strings.Contains(joined, " commodity summary ")
	next := slices.ContainsFunc(norm, func(w string) bool { return mcsNextWords[w] })
	publish := slices.ContainsFunc(norm, func(w string) bool { return mcsPublishWords[w] })
	edition := slices.ContainsFunc(norm, func(w string) bool { return w == "edition" || w == "edicion" || w == "editions" || w == "ediciones" })
	if !named && !(edition && (next && publish || next && slices.Contains(norm, "usgs"))) {
		return q, false
	}
	out := Query{Measure: MeasureAbout, Term: mcsTerm, Edition: q.Edition}
	eds := p.kb.Editions()
	if next && (q.Edition == 0 || len(eds) > 0 && q.Edition > eds[len(eds)-1]) || len(eds) > 0 && q.Edition > eds[len(eds)-1] {
		out.Timeline = Upcoming
	}
	return out, true
}

// mcsMonth reads an edition's publication month from a source's edition text.
var mcsMonth = regexp.MustCompile(`Mineral Commodity Summaries (\d{4})(?: data release)? \(([A-Z][a-z]+) (\d{4})\)`)

// indexMCSPublished finds the month each edition came out, from the minerals' and the
// glossary's sources, once per knowledge base.
func indexMCSPublished(kb *knowledge.KB) map[knowledge.Edition]knowledge.Date {
	out := map[knowledge.Edition]knowledge.Date{}
	var srcs []knowledge.Source
	for _, m := range kb.Minerals {
		srcs = append(srcs, m.Sources...)
	}
	for _, t := range kb.Glossary {
		srcs = append(srcs, t.Sources...)
	}
	for _, s := range srcs {
		m := mcsMonth.FindStringSubmatch(s.Edition)
		if m == nil {
			continue
		}
		ed, _ := strconv.Atoi(m[1])
		t, err := time.Parse("January 2006", m[2]+" "+m[3])
		if err != nil {
			continue
		}
		if _, ok := out[knowledge.Edition(ed)]; !ok {
			out[knowledge.Edition(ed)] = knowledge.Date{Time: t, Precision: knowledge.Month}
		}
	}
	return out
}

// mcsView answers a question about the publication.
func (e *snap) mcsView(q Query) *Answer {
	eds := e.kb.Editions()
	if len(eds) == 0 {
		return nil
	}
	newest := eds[len(eds)-1]
	published := e.served.mcsPublished
	out := func(ed knowledge.Edition) string {
		if d, ok := published[ed]; ok {
			return e.f("%s (published %s)", ed.String(), e.lang.Date(d))
		}
		return ed.String()
	}
	covers := func(ed knowledge.Edition) string {
		return e.f("%s gives figures for %s to %s, the last of them mostly estimates (“e”).", ed.String(),
			strconv.Itoa(ed.FirstYear()), strconv.Itoa(ed.DataYear()))
	}
	var held []string
	for _, ed := range eds {
		held = append(held, out(ed))
	}
	var ss []string
	switch {
	case q.Timeline == Upcoming:
		next := knowledge.Edition(int(newest) + 1)
		ss = append(ss, e.f("The knowledge base holds no date for the next edition, %s.", next.String()))
		if d, ok := published[newest]; ok {
			ss = append(ss, e.f("USGS publishes each edition early in the year; the newest held, %s, came out in %s, and %s would give figures for %s.",
				newest.String(), e.lang.Date(d), next.String(), strconv.Itoa(next.DataYear())))
		}
	case q.Edition != 0 && !slices.Contains(eds, q.Edition):
		ss = append(ss, e.f("The knowledge base does not hold %s; it holds %s.", q.Edition.String(), e.and(held)))
	case q.Edition != 0:
		ss = append(ss, covers(q.Edition))
		if d, ok := published[q.Edition]; ok {
			ss = append(ss, e.f("It came out in %s.", e.lang.Date(d)))
		}
	default:
		ss = append(ss, e.f("The MCS is the USGS Mineral Commodity Summaries, a yearly publication with a chapter for each mineral commodity; the knowledge base's figures come from %s.", e.and(held)))
		ss = append(ss, covers(newest))
	}
	a := &Answer{Intent: IntentAbout, Title: e.t("USGS Mineral Commodity Summaries"), Headline: strings.Join(ss, " ")}
	var facts []Fact
	for _, ed := range eds {
		v := e.f("figures for %s to %s", strconv.Itoa(ed.FirstYear()), strconv.Itoa(ed.DataYear()))
		if d, ok := published[ed]; ok {
			v += "; " + e.f("published %s", e.lang.Date(d))
		}
		facts = append(facts, Fact{Label: ed.Title(), Value: v})
	}
	a.Sections = append(a.Sections, Section{Facts: facts,
		Note: e.t("Every figure names the USGS edition it comes from; answers use the newest edition that has it.")})
	return a
}
