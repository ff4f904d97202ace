package knowledge_test

import (
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

func TestPreferredSources(t *testing.T) {
	usgs := knowledge.Source{URL: "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf", Edition: "USGS MCS 2026"}
	wire := knowledge.Source{URL: "https://www.einpresswire.com/article/1", Edition: "EIN Presswire"}
	copy := knowledge.Source{URL: "https://d2698.cms.socastsrm.com/2026/02/04/x", Edition: "Reuters (syndicated copy)"}
	if got := knowledge.Preferred([]knowledge.Source{wire, usgs, copy}); len(got) != 1 || got[0] != usgs {
		t.Errorf("Preferred = %v, want only the USGS chapter", got)
	}
	if got := knowledge.Preferred([]knowledge.Source{wire}); len(got) != 1 {
		t.Errorf("a record with only weak sources keeps them: %v", got)
	}
}
