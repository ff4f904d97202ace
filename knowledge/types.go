package knowledge

import (
	"fmt"
	"time"
)

// Source says where a record or a figure comes from.
type Source struct {
	URL     string `yaml:"url"`
	Edition string `yaml:"edition"`
}

func (s Source) String() string {
	if s.Edition == "" {
		return s.URL
	}
	return s.Edition + ", " + s.URL
}

// Precision says how much of a [Date] is known.
type Precision int

const (
	Day   Precision = iota // YYYY-MM-DD
	Month                  // YYYY-MM
)

// Date is a calendar date that may be known only to the month, as policy sources often are.
type Date struct {
	Time      time.Time // UTC midnight of the day, or of the first of the month
	Precision Precision
}

// ParseDate parses YYYY-MM-DD or YYYY-MM.
func ParseDate(s string) (Date, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return Date{Time: t, Precision: Day}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return Date{Time: t, Precision: Month}, nil
	}
	return Date{}, fmt.Errorf("bad date %q: want YYYY-MM-DD or YYYY-MM", s)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Time.IsZero() }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Precision == Month {
		return d.Time.Format("2006-01")
	}
	return d.Time.Format(time.DateOnly)
}

// Human formats the date for people: "4 Feb 2026", or "Aug 2024" when only the month is known.
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	if d.Precision == Month {
		return d.Time.Format("Jan 2006")
	}
	return d.Time.Format("2 Jan 2006")
}

// Mineral is one critical mineral (or a group of them, such as the rare-earth elements).
type Mineral struct {
	ID             string   `yaml:"id"`
	Name           string   `yaml:"name"`
	NameES         string   `yaml:"name_es"`
	Symbol         string   `yaml:"symbol"`
	Group          string   `yaml:"group"`
	Members        []string `yaml:"members"`
	Aliases        []string `yaml:"aliases"`
	Uses           []string `yaml:"uses"`
	UsesES         []string `yaml:"uses_es"`
	NoCountryTable string   `yaml:"no_country_table"`
	Sources        []Source `yaml:"sources"`
	Updated        Date     `yaml:"updated"`

	// Summary is the Markdown body of the record, in English; SummaryES is its Spanish
	// section (after a line "## Español").
	Summary   string `yaml:"-"`
	SummaryES string `yaml:"-"`
	// Lists holds the critical lists the mineral is on, from tables/lists.csv.
	Lists []ListEntry `yaml:"-"`
	// File is the record's path inside the knowledge base.
	File string `yaml:"-"`

	broken bool // its front matter had errors, already reported
}

// On reports whether the mineral is on the given list.
func (m *Mineral) On(l List) bool {
	for _, e := range m.Lists {
		if e.List == l {
			return true
		}
	}
	return false
}

// AddedIn2025 reports whether the mineral joined the U.S. list in 2025: on the 2025 list and
// not on the 2022 one. It is derived, never typed.
func (m *Mineral) AddedIn2025() bool { return m.On(USGS2025) && !m.On(USGS2022) }

// Policy is a dated policy or news item.
type Policy struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	TitleES string `yaml:"title_es"`
	Date    Date   `yaml:"date"`
	EndDate Date   `yaml:"end_date"`
	// Effective is when the item takes effect, when that is later than Date (a proclamation
	// whose measures apply 120 days after signing).
	Effective Date `yaml:"effective"`
	// EndScheduled says that EndDate is when the item was due to end, and that no source
	// says whether it did (it may have been extended).
	EndScheduled bool `yaml:"end_scheduled"`
	// Suspends is the id of an earlier item that this one suspends for its duration (a
	// pause of a ban): the earlier item is not in force while this one is.
	Suspends     string   `yaml:"suspends"`
	Kind         string   `yaml:"kind"`
	Jurisdiction string   `yaml:"jurisdiction"`
	Countries    []string `yaml:"countries"`
	Minerals     []string `yaml:"minerals"`
	Aliases      []string `yaml:"aliases"`
	DateNote     string   `yaml:"date_note"`
	// ListAdds and ListRemoves are, for a proposed critical list (kind "list"), the
	// minerals it proposed adding to and removing from the list before it.
	ListAdds    []string `yaml:"list_adds"`
	ListRemoves []string `yaml:"list_removes"`
	Sources     []Source `yaml:"sources"`
	Updated     Date     `yaml:"updated"`

	Summary   string `yaml:"-"`
	SummaryES string `yaml:"-"`
	File      string `yaml:"-"`

	broken bool
}

// PolicyKinds are the kinds a policy item may have.
var PolicyKinds = []string{"agreement", "export-control", "list", "investigation", "law", "decree", "court-ruling", "regulation", "meeting",
	"tariff", "program", "announcement"}

// Country is a country named by the tables, with its written profile where there is one.
type Country struct {
	ID      string
	Name    string
	NameES  string
	Aliases []string
	Profile *Profile
}

// Profile is the written part of a country's profile.
type Profile struct {
	ID      string   `yaml:"id"`
	Sources []Source `yaml:"sources"`
	Updated Date     `yaml:"updated"`

	Summary   string `yaml:"-"`
	SummaryES string `yaml:"-"`
	File      string `yaml:"-"`

	broken bool
}

// Special country ids of the production table.
const (
	World  = "world" // the world total
	Others = "other" // "other countries"
)

// List identifies a critical-minerals list.
type List string

// The lists the knowledge base knows.
const (
	USGS2025        List = "usgs-2025"
	USGS2022        List = "usgs-2022"
	EUCRMAStrategic List = "eu-crma-strategic"
	EUCRMACritical  List = "eu-crma-critical"
)

// Lists are all known lists, in the order answers show them.
var Lists = []List{USGS2025, USGS2022, EUCRMAStrategic, EUCRMACritical}

// Title is the list's name for people.
func (l List) Title() string {
	switch l {
	case USGS2025:
		return "USGS 2025 critical minerals list"
	case USGS2022:
		return "USGS 2022 critical minerals list"
	case EUCRMAStrategic:
		return "EU CRMA strategic raw materials (Annex I)"
	case EUCRMACritical:
		return "EU CRMA critical raw materials (Annex II)"
	}
	return string(l)
}

// ListEntry is one item of a critical list, joined to a mineral record.
type ListEntry struct {
	List    List
	Item    string // as the list prints it
	Mineral string
	Source  Source
	Pos     Pos
}

// Status says what kind of value a table cell holds.
type Status string

const (
	Number       Status = ""      // Value holds the figure
	NotAvailable Status = "NA"    // USGS: not available
	Withheld     Status = "W"     // USGS: withheld to avoid disclosing company data
	Large        Status = "large" // reserves described only as large
	Small        Status = "small"
)

// Figure is one production or reserves cell of tables/production.csv.
type Figure struct {
	Mineral   string
	Country   string
	Measure   string // mine_production, refinery_production, reserves, …
	Year      int    // 0 for reserves, which carry no year
	Value     float64
	AtLeast   bool // printed as ">N"
	Status    Status
	Estimated bool
	Secondary bool // quoted second-hand, not checked against the primary source
	Unit      string
	// Form is what this country's figure counts when it differs from the rest of the table
	// (boron: "crude ore", "refined borates").
	Form    string
	Source  Source
	Edition Edition // the MCS edition that prints it, parsed from Source.Edition
	Note    string
	Pos     Pos
}

// Known reports whether the figure holds a number.
func (f Figure) Known() bool { return f.Status == Number }

// Reliance is U.S. net import reliance for one year, as a share of apparent consumption.
type Reliance struct {
	Mineral   string
	Product   string // empty for the commodity as a whole
	Year      int
	Printed   string  // as USGS prints it: "85", ">75", "<25", "E", "NA"
	Percent   float64 // the number in Printed, if any
	Estimated bool
	Source    Source
	Edition   Edition
	Pos       Pos
}

// NetExporter reports whether the United States was a net exporter that year.
func (r Reliance) NetExporter() bool { return r.Printed == "E" }

// ImportSource is one country's share of U.S. imports of a mineral product.
type ImportSource struct {
	Mineral string
	Product string
	Country string
	Printed string // "44", ">99", "<1"
	Percent float64
	Period  string
	Source  Source
	Edition Edition
	Pos     Pos
}

// EndUse is one use's share of U.S. consumption of a mineral.
type EndUse struct {
	Mineral   string
	Use       string
	Percent   float64
	Year      int
	Estimated bool
	Note      string // what the shares are of, where it is not plain consumption
	Source    Source
	Edition   Edition
	Pos       Pos
}

// Price is one annual average price of a mineral product, as USGS gives it in a chapter's
// salient statistics: a yearly average or unit value, never a market quote.
type Price struct {
	Mineral string
	// Form is the product and the basis of the price as USGS describes it ("bullion",
	// "London Metal Exchange (LME), cash", "acid grade, average unit value of imports").
	Form string
	Unit string // as USGS gives it: "dollars per troy ounce", "cents per pound"
	Year int
	// Printed is the value as USGS prints it: "38", "890-1000" (a range), "NA", "W".
	Printed string
	// Value is the number in Printed, the low end of a range; High is the high end (equal to
	// Value for a single number).
	Value     float64
	High      float64
	Status    Status // Number, NotAvailable or Withheld
	Estimated bool
	Source    Source
	Edition   Edition
	Pos       Pos
}

// Known reports whether the price holds a number.
func (p Price) Known() bool { return p.Status == Number }

// IsRange reports whether USGS gives the price as a range of averages.
func (p Price) IsRange() bool { return p.High > p.Value }

// Pos is where a record or row stands in the knowledge base.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Term is a glossary entry: a word the answers use ("net import reliance", "HHI"), defined
// in the project's own words.
type Term struct {
	ID      string   `yaml:"id"`
	Term    string   `yaml:"term"`
	TermES  string   `yaml:"term_es"`
	Aliases []string `yaml:"aliases"`
	Sources []Source `yaml:"sources"`
	Updated Date     `yaml:"updated"`

	// Definition is the Markdown body of the record, in English; DefinitionES is its Spanish
	// section (after a line "## Español").
	Definition   string `yaml:"-"`
	DefinitionES string `yaml:"-"`
	File         string `yaml:"-"`

	broken bool
}
