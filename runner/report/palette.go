package report

import "github.com/fatih/color"

// palette is one output stream's colours. It is built per reporter from the
// caller's decision (TTY, NO_COLOR, --color) and never touches fatih/color's
// global NoColor.
type palette struct {
	white, gray, grayUnderline, red, redBold, redUnderline, green, cyan, yellow, blue *color.Color
}

func newPalette(enabled bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		white:         mk(color.FgWhite),
		gray:          mk(color.FgHiBlack),
		grayUnderline: mk(color.FgHiBlack, color.Underline),
		red:           mk(color.FgRed),
		redBold:       mk(color.FgRed, color.Bold),
		redUnderline:  mk(color.FgRed, color.Underline),
		green:         mk(color.FgGreen),
		cyan:          mk(color.FgCyan),
		yellow:        mk(color.FgYellow),
		blue:          mk(color.FgBlue),
	}
}

// console picks the colour Newman uses for a console level.
func (p palette) console(level string) *color.Color {
	switch level {
	case "info":
		return p.cyan
	case "warn":
		return p.yellow
	case "debug":
		return p.blue
	case "error":
		return p.red
	}
	return p.gray
}

// symbols are the glyphs of the cli reporter; plain ones replace them under
// --disable-unicode, as Newman's plainText set does.
type symbols struct {
	top, middle, bottom, folder, root, sub, ok, star, up, down, scriptErr string
	table                                                                 tableChars
}

var unicodeSymbols = symbols{
	top: "┌", middle: "│", bottom: "└", folder: "❏", root: "→", sub: "↳", ok: "✓",
	star: "★", up: "↑", down: "↓", scriptErr: "⠄",
	table: tableChars{
		h: "─", v: "│", topLeft: "┌", topMid: "┬", topRight: "┐",
		midLeft: "├", cross: "┼", midRight: "┤", upMid: "┴",
		botLeft: "└", botMid: "┴", botRight: "┘",
	},
}

// plainSymbols follow Newman's plainText set. Newman still prints "⠄" after
// script-error numbers under --disable-unicode; we print "." so the output
// really is ASCII.
var plainSymbols = symbols{
	top: "-", middle: "|", bottom: "-", folder: "Folder", root: "Root", sub: "Sub-folder", ok: "Pass",
	star: "*", up: "^", down: "v", scriptErr: ".",
	table: tableChars{
		h: "-", v: "|", topLeft: "-", topMid: "-", topRight: "-",
		midLeft: "-", cross: "+", midRight: "-", upMid: "-",
		botLeft: "-", botMid: "-", botRight: "-",
	},
}
