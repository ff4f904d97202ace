// Package answer turns a question into a typed [Answer]: a title, sections of facts with
// their sources, bar charts of shares, related records and "did you mean" suggestions. It knows
// nothing of Slack or terminals: renderers (plain text here, Block Kit in package bot) turn an
// Answer into what people see.
//
// Every figure in an Answer comes from the knowledge base's tables; ranks, shares and
// concentration measures are computed by package knowledge and labelled as derived.
package answer
