package vault

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DotenvEntry is one KEY=VALUE of a dotenv file.
type DotenvEntry struct {
	Key, Value string
	Line       int // where the entry starts
}

// ParseDotenv reads a dotenv file for "courier vault import". It accepts:
//
//	KEY=value            # value trimmed; " #" starts a comment
//	export KEY=value     # the shell prefix is ignored
//	KEY='literal'        # no escapes; may span lines
//	KEY="a\nb"           # \n \r \t \" \\ \$ escapes; may span lines
//	# comment lines and blank lines
//
// Keys start with a letter or "_" and continue with letters, digits, "_",
// "." or "-". Values are literal: no $VAR expansion. A key given twice
// keeps its last value, at the position of its first. Errors carry the
// line number and never the value.
func ParseDotenv(r io.Reader) ([]DotenvEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	lines := &dotenvLines{sc: sc}
	var entries []DotenvEntry
	pos := map[string]int{}
	for {
		line, ok := lines.next()
		if !ok {
			break
		}
		start := lines.n
		key, value, skip, err := lines.assignment(line)
		if err != nil {
			return nil, err
		}
		if skip {
			continue
		}
		if i, dup := pos[key]; dup {
			entries[i].Value = value
			continue
		}
		pos[key] = len(entries)
		entries = append(entries, DotenvEntry{Key: key, Value: value, Line: start})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", lines.n+1, err)
	}
	return entries, nil
}

// dotenvLines reads a dotenv file line by line, counting them.
type dotenvLines struct {
	sc *bufio.Scanner
	n  int // the number of the line last read
}

func (d *dotenvLines) next() (string, bool) {
	if !d.sc.Scan() {
		return "", false
	}
	d.n++
	return strings.TrimSuffix(d.sc.Text(), "\r"), true
}

// assignment reads the KEY=VALUE that starts on line, and the lines after
// it that a quoted value spans; skip is set for a blank or comment line.
func (d *dotenvLines) assignment(line string) (key, value string, skip bool, err error) {
	start := d.n
	t := strings.TrimSpace(line)
	if t == "" || strings.HasPrefix(t, "#") {
		return "", "", true, nil
	}
	if rest, ok := strings.CutPrefix(t, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
		t = strings.TrimSpace(rest)
	}
	key, raw, found := strings.Cut(t, "=")
	key = strings.TrimSpace(key)
	if !found {
		return "", "", false, fmt.Errorf("line %d: expected KEY=VALUE", start)
	}
	if key == "" {
		return "", "", false, fmt.Errorf("line %d: no key before \"=\"", start)
	}
	if bad := badKeyByte(key); bad >= 0 {
		// The column, not the text: what reads as a key may be a value
		// on a line of its own (a wrapped base64 secret ending in "=").
		col := utf8.RuneCountInString(line[:strings.Index(line, key)+bad]) + 1
		return "", "", false, fmt.Errorf("line %d: invalid key (column %d: use letters, digits, _, . or -, not starting with a digit)", start, col)
	}
	raw = strings.TrimLeft(raw, " \t")
	if raw != "" && (raw[0] == '"' || raw[0] == '\'') {
		value, err = d.quoted(raw, key, start)
		return key, value, false, err
	}
	return key, plainDotenvValue(raw), false, nil
}

// quoted reads a quoted value (raw starts with its quote), on as many
// lines as it takes to find the closing quote; only a comment may follow
// it. Double quotes take escapes.
func (d *dotenvLines) quoted(raw, key string, start int) (string, error) {
	quote := raw[0]
	body := raw[1:]
	for {
		end, closed := closingQuote(body, quote)
		if closed {
			if tail := strings.TrimSpace(body[end+1:]); tail != "" && !strings.HasPrefix(tail, "#") {
				return "", fmt.Errorf("line %d: unexpected text after the closing quote of %s", d.n, key)
			}
			body = body[:end]
			break
		}
		more, ok := d.next()
		if !ok {
			return "", fmt.Errorf("line %d: unterminated %c-quoted value for %s", start, quote, key)
		}
		body += "\n" + more
	}
	if quote == '"' {
		return unescapeDouble(body), nil
	}
	return body, nil
}

// plainDotenvValue is an unquoted value: trimmed, up to a " #" or "\t#"
// comment.
func plainDotenvValue(value string) string {
	if i := strings.Index(value, " #"); i >= 0 {
		value = value[:i]
	}
	if i := strings.Index(value, "\t#"); i >= 0 {
		value = value[:i]
	}
	return strings.TrimSpace(value)
}

// closingQuote finds the closing quote in s; in double quotes a backslash
// escapes the next character.
func closingQuote(s string, quote byte) (int, bool) {
	for i := 0; i < len(s); i++ {
		switch {
		case quote == '"' && s[i] == '\\':
			i++
		case s[i] == quote:
			return i, true
		}
	}
	return 0, false
}

func unescapeDouble(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '"', '\\', '$':
			b.WriteByte(s[i])
		default: // unknown escape: keep it as written
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// badKeyByte is the index of the first byte of k a key may not hold, -1
// for a valid key.
func badKeyByte(k string) int {
	for i, r := range k {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '.' || r == '-'):
		default:
			return i
		}
	}
	return -1
}
