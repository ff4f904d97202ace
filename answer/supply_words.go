package answer

// suppliesToWords say that one country supplies another: "which minerals does Mexico supply to
// the US?", "what does Mexico provide the US?". Between the United States and another
// country, that is what the U.S. imports from it, as "what does Mexico export to the US?".
var suppliesToWords = set("supply", "supplies", "supplied", "supplier", "suppliers", "provide", "provides", "provided",
	"sell", "sells", "sold", "ship", "ships", "shipped", "suministra", "suministran", "provee", "proveen", "surte", "surten")
