package knowledge

import "strings"

// weakHosts publish press releases, aggregated or syndicated copies, or unsigned posts: a
// record may cite one to date an event, but answers prefer its primary or reputable sources.
var weakHosts = set(
	"einpresswire.com", "myglobalnews.net", "pdf.defence.pk", "thefederalnewswire.com", "menafn.com",
	"laganinews.com", "jawawa.id", "novacraftx.com", "pubt.io", "inspenet.com", "chemradar.com",
	"scrapinsight.com", "junologistics.com", "glassgs.com", "nicola-bernard.de", "elepoch.com",
	"ovaciones.com", "socastsrm.com", "homelandsecuritynewswire.com", "miningandbusiness.com",
	"wired-gov.net", "dinero.com.sv",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Weak reports whether a source is a press-release wire, an aggregator, a syndicated copy or
// an unsigned post (see weakHosts).
func (s Source) Weak() bool {
	host := s.URL
	if _, rest, ok := strings.Cut(host, "://"); ok {
		host = rest
	}
	if i := strings.IndexAny(host, "/?#:"); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	for {
		if weakHosts[host] {
			return true
		}
		_, parent, ok := strings.Cut(host, ".") // a subdomain of a weak host is weak too
		if !ok || !strings.Contains(parent, ".") {
			return false
		}
		host = parent
	}
}

// Preferred returns the sources an answer should cite: all of them but the weak ones, unless
// only weak ones are left.
func Preferred(srcs []Source) []Source {
	var out []Source
	for _, s := range srcs {
		if !s.Weak() {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return srcs
	}
	return out
}
