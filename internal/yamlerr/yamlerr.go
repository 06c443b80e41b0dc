// Package yamlerr turns a syntax error of gopkg.in/yaml.v3 into the place
// it points at and words that say what is likely wrong, for the loaders of
// v12 collection files and of YAML environments alike. It never quotes
// the file's text: a value may be a credential.
package yamlerr

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/courier-run/courier/internal/lazyre"
)

var lineRe = lazyre.New(`^yaml: (?:line (\d+): )?(.*)$`)

// Place is where a syntax error points (1-based) and its words with a
// hint of the usual cause.
type Place struct {
	Line, Column int
	Message      string
}

// Locate reads msg, the parser's error text for data. ok is false when
// msg names no place (it then is not a syntax error of the parser's).
func Locate(msg string, data []byte) (p Place, ok bool) {
	m := lineRe().FindStringSubmatch(msg)
	if m == nil {
		return Place{Message: msg}, false
	}
	line, _ := strconv.Atoi(m[1])
	line = max(line, 1)
	col := 1
	lines := bytes.Split(data, []byte("\n"))
	if line-1 < len(lines) {
		l := lines[line-1]
		col = len(l) - len(bytes.TrimLeft(l, " \t")) + 1
		// An unclosed quote is the usual culprit: point at it.
		if strings.Contains(m[2], "end of stream") || strings.Contains(m[2], "did not find expected") {
			if i := bytes.IndexAny(l, `"'`); i >= 0 && bytes.Count(l, l[i:i+1])%2 == 1 {
				col = len([]rune(string(l[:i]))) + 1
			}
		}
	}
	if open := flowOpener(m[2]); open != 0 {
		// The parser names the line of the mapping the flow stands in;
		// point at the bracket left open instead.
		if l, c, found := unclosed(lines, line, open); found {
			line, col = l, c
		}
	}
	return Place{Line: line, Column: col, Message: m[2] + hint(m[2])}, true
}

// flowOpener is the bracket a "did not find expected" message is about
// ('[' or '{'), 0 for other messages.
func flowOpener(msg string) byte {
	switch {
	case strings.Contains(msg, "did not find expected ',' or ']'"):
		return '['
	case strings.Contains(msg, "did not find expected ',' or '}'"):
		return '{'
	}
	return 0
}

// unclosed finds, from line from (1-based) on, the first line that opens
// more brackets of its kind than it closes, and the column (in runes) of
// its last opening bracket.
func unclosed(lines [][]byte, from int, open byte) (line, col int, found bool) {
	shut := byte(']')
	if open == '{' {
		shut = '}'
	}
	for i := from - 1; i >= 0 && i < len(lines); i++ {
		l := lines[i]
		if bytes.Count(l, []byte{open}) > bytes.Count(l, []byte{shut}) {
			at := bytes.LastIndexByte(l, open)
			return i + 1, len([]rune(string(l[:at]))) + 1, true
		}
	}
	return 0, 0, false
}

// hint says what usually causes the parser's message.
func hint(msg string) string {
	switch {
	case strings.Contains(msg, "unexpected end of stream") || strings.Contains(msg, "found unexpected end"):
		return " (is a quote or bracket left open?)"
	case strings.Contains(msg, "did not find expected ',' or ']'"), strings.Contains(msg, "did not find expected ',' or '}'"):
		return " (is a bracket left open, or a comma missing?)"
	case strings.Contains(msg, "mapping values are not allowed"):
		return " (quote a value that contains \": \")"
	case strings.Contains(msg, "found incompatible YAML document"):
		return " (Postman reads YAML 1.x: write %YAML 1.2, or leave the directive out)"
	case strings.Contains(msg, "found character that cannot start any token"):
		return " (YAML does not allow tabs for indentation, nor a value starting with @ or ` unquoted)"
	}
	return ""
}
